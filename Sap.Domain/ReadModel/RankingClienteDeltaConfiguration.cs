using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class RankingClienteDeltaConfiguration : IEntityTypeConfiguration<RankingClienteDelta>
{
    public void Configure(EntityTypeBuilder<RankingClienteDelta> builder)
    {
        builder.ToTable("ranking_cliente_delta");
        builder.HasKey(d => d.Id);
        // Reads add the deltas of a window's days; a change of a pedido moves its cliente's deltas first.
        builder.HasIndex(d => d.Dia);
        builder.HasIndex(d => d.ClienteId);
    }
}
