using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class RankingPeriodoConfiguration : IEntityTypeConfiguration<RankingPeriodo>
{
    public void Configure(EntityTypeBuilder<RankingPeriodo> builder)
    {
        builder.ToTable("ranking_periodo");
        builder.HasKey(r => r.Dias);
        builder.Property(r => r.Dias).ValueGeneratedNever();
    }
}
