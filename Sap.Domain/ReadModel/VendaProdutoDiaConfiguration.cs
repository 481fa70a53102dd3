using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaProdutoDiaConfiguration : IEntityTypeConfiguration<VendaProdutoDia>
{
    public void Configure(EntityTypeBuilder<VendaProdutoDia> builder)
    {
        builder.ToTable("venda_produto_dia");
        builder.HasKey(v => new { v.ProdutoId, v.Dia });
        builder.HasIndex(v => v.Dia);
    }
}
