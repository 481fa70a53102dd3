using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class RankingClienteConfiguration : IEntityTypeConfiguration<RankingCliente>
{
    public void Configure(EntityTypeBuilder<RankingCliente> builder)
    {
        builder.ToTable("ranking_cliente");
        builder.HasKey(r => new { r.Janela, r.ClienteId });
        builder.Property(r => r.Janela).HasMaxLength(20);
        // Each ranking is the first 20 rows of one of these (ties by ascending id).
        builder.HasIndex(r => new { r.Janela, r.ValorCentavos, r.ClienteId }).IsDescending(false, true, false);
        builder.HasIndex(r => new { r.Janela, r.LucroCentavos, r.ClienteId }).IsDescending(false, true, false);
        builder.HasIndex(r => new { r.Janela, r.Produtos, r.ClienteId }).IsDescending(false, true, false);
        // A fold, and a change of a pedido, find a cliente's rows by the key (each window its day falls in): no index
        // of their own. New pedidos leave deltas instead of updating these rows (RankingClienteDelta).
    }
}
