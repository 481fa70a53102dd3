using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaClienteConfiguration : IEntityTypeConfiguration<VendaCliente>
{
    public void Configure(EntityTypeBuilder<VendaCliente> builder)
    {
        builder.ToTable("venda_cliente");
        builder.HasKey(v => v.ClienteId);
        builder.Property(v => v.ClienteId).ValueGeneratedNever();
        // The dashboard's "sem compra" buckets and the cliente lists select by last purchase.
        builder.HasIndex(v => v.UltimaCompra);
    }
}
