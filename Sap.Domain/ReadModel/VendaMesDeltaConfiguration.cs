using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaMesDeltaConfiguration : IEntityTypeConfiguration<VendaMesDelta>
{
    public void Configure(EntityTypeBuilder<VendaMesDelta> builder)
    {
        builder.ToTable("venda_mes_delta");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.Ano, v.Mes });
    }
}
