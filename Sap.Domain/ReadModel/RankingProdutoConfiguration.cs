using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class RankingProdutoConfiguration : IEntityTypeConfiguration<RankingProduto>
{
    public void Configure(EntityTypeBuilder<RankingProduto> builder)
    {
        builder.ToTable("ranking_produto");
        builder.HasKey(r => new { r.Janela, r.ProdutoId });
        builder.Property(r => r.Janela).HasMaxLength(20);
        // No index on the figures: a ranking reads a window's rows (a few hundred produtos) by the key and sorts them,
        // and the fold updates every row of a window it touches, which an index on valor would make a new index
        // entry each time instead of an update in place (ADR 12).
    }
}
