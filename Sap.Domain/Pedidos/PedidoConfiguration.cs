using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Pedidos;

internal sealed class PedidoConfiguration : IEntityTypeConfiguration<Pedido>
{
    public void Configure(EntityTypeBuilder<Pedido> builder)
    {
        builder.ToTable("pedido", t =>
        {
            t.HasCheckConstraint("ck_pedido_status", Checks.OneOf("status", PedidoStatusText.All));
            t.HasCheckConstraint("ck_pedido_valor_total", Checks.NonNegative("valor_total"));
            t.HasCheckConstraint("ck_pedido_custo_total", Checks.NonNegative("custo_total"));
            t.HasCheckConstraint("ck_pedido_valor_pago", Checks.NonNegative("valor_pago"));
            // Never paid beyond the total: concurrent payments cannot overdraw.
            t.HasCheckConstraint("ck_pedido_pago_ate_total", "CAST(valor_pago AS NUMERIC) <= CAST(valor_total AS NUMERIC)");
        });
        builder.Property(p => p.Status)
            .HasConversion(s => PedidoStatusText.ToText(s), t => PedidoStatusText.Parse(t))
            .HasMaxLength(20);
        builder.Property(p => p.ConfirmadoPor).HasMaxLength(100);
        builder.Property(p => p.Versao).IsConcurrencyToken();
        builder.HasOne(p => p.Cliente).WithMany().HasForeignKey(p => p.ClienteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Itens).WithOne().HasForeignKey(i => i.PedidoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Pagamentos).WithOne(p => p.Pedido).HasForeignKey(p => p.PedidoId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.Saldo);
        builder.Ignore(p => p.StatusPagamento);

        // Read paths: a cliente's pedidos newest first; date windows of the rankings and the apuração.
        builder.HasIndex(p => new { p.ClienteId, p.Data }).IsDescending(false, true);
        builder.HasIndex(p => p.Data);
    }
}
