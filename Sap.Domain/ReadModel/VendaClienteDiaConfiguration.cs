using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaClienteDiaConfiguration : IEntityTypeConfiguration<VendaClienteDia>
{
    public void Configure(EntityTypeBuilder<VendaClienteDia> builder)
    {
        builder.ToTable("venda_cliente_dia");
        builder.HasKey(v => new { v.ClienteId, v.Dia });
        // Ragged window ends and the roll of the moving windows read every cliente's rows of some days.
        builder.HasIndex(v => v.Dia);
    }
}
