using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaMesConfiguration : IEntityTypeConfiguration<VendaMes>
{
    public void Configure(EntityTypeBuilder<VendaMes> builder)
    {
        builder.ToTable("venda_mes");
        builder.HasKey(v => new { v.Ano, v.Mes });
    }
}
