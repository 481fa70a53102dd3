using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaProdutoDeltaConfiguration : IEntityTypeConfiguration<VendaProdutoDelta>
{
    public void Configure(EntityTypeBuilder<VendaProdutoDelta> builder)
    {
        builder.ToTable("venda_produto_delta");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Dia);
    }
}
