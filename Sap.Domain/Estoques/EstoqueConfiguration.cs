using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.Estoques;

internal sealed class EstoqueConfiguration : IEntityTypeConfiguration<Estoque>
{
    public void Configure(EntityTypeBuilder<Estoque> builder)
    {
        builder.ToTable("estoque", t => t.HasCheckConstraint("ck_estoque_quantidade", "quantidade >= 0"));
        builder.HasOne(e => e.Produto).WithMany().HasForeignKey(e => e.ProdutoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ProdutoId).IsUnique();
        builder.Property(e => e.Conferente).HasMaxLength(100);
        builder.Property(e => e.Status).HasMaxLength(50);
    }
}
