using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Pedidos;

namespace Sap.Domain.Coletas;

internal sealed class ItemColetadoConfiguration : IEntityTypeConfiguration<ItemColetado>
{
    public void Configure(EntityTypeBuilder<ItemColetado> builder)
    {
        builder.ToTable("item_coletado", t => t.HasCheckConstraint("ck_item_coletado_quantidade", "quantidade_coletada > 0"));
        builder.HasOne<ItemPedido>().WithMany().HasForeignKey(i => i.ItemPedidoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ColetaId);
        builder.HasIndex(i => i.ItemPedidoId);
    }
}
