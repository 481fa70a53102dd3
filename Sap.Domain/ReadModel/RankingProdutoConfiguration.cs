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
        builder.HasIndex(r => new { r.Janela, r.ValorCentavos, r.ProdutoId }).IsDescending(false, true, false);
    }
}
