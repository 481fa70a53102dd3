using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Pedidos;

internal sealed class ItemPedidoConfiguration : IEntityTypeConfiguration<ItemPedido>
{
    public void Configure(EntityTypeBuilder<ItemPedido> builder)
    {
        builder.ToTable("item_pedido", t =>
        {
            t.HasCheckConstraint("ck_item_pedido_quantidade", "quantidade > 0");
            t.HasCheckConstraint("ck_item_pedido_preco_venda", Checks.NonNegative("preco_venda"));
            t.HasCheckConstraint("ck_item_pedido_preco_compra", Checks.NonNegative("preco_compra"));
        });
        builder.HasOne(i => i.Produto).WithMany().HasForeignKey(i => i.ProdutoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.PedidoId);
        builder.HasIndex(i => i.ProdutoId);
    }
}
