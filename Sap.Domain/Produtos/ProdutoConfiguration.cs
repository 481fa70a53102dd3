using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Produtos;

internal sealed class ProdutoConfiguration : IEntityTypeConfiguration<Produto>
{
    public void Configure(EntityTypeBuilder<Produto> builder)
    {
        builder.ToTable("produto", t =>
        {
            t.HasCheckConstraint("ck_produto_categoria", Checks.OneOf("categoria", Enum.GetNames<Categoria>()));
            t.HasCheckConstraint("ck_produto_preco_medio_compra", Checks.NonNegative("preco_medio_compra"));
        });
        builder.Property(p => p.Nome).HasMaxLength(255);
        builder.Property(p => p.NomeChave).HasMaxLength(255);
        builder.HasIndex(p => p.NomeChave).IsUnique();
        builder.Property(p => p.CodigoInterno).HasMaxLength(50);
        builder.HasIndex(p => p.CodigoInterno).IsUnique();
        builder.Property(p => p.Categoria).HasConversion<string>().HasMaxLength(10).HasDefaultValue(Categoria.OUTROS);
        builder.Property(p => p.PrecoMedioCompra).HasDefaultValue(0m);
        builder.Property(p => p.Ean).HasMaxLength(50);
        builder.HasIndex(p => p.Ean).IsUnique();
    }
}
