using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;
using Sap.Domain.Produtos;

namespace Sap.Domain.Estoques;

internal sealed class MovimentacaoEstoqueConfiguration : IEntityTypeConfiguration<MovimentacaoEstoque>
{
    public void Configure(EntityTypeBuilder<MovimentacaoEstoque> builder)
    {
        builder.ToTable("movimentacao_estoque", t =>
        {
            t.HasCheckConstraint("ck_movimentacao_estoque_tipo", Checks.OneOf("tipo_movimentacao", Enum.GetNames<TipoMovimentacao>()));
            t.HasCheckConstraint("ck_movimentacao_estoque_quantidade_atual", "quantidade_atual >= 0");
        });
        builder.HasOne<Produto>().WithMany().HasForeignKey(m => m.ProdutoId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.TipoMovimentacao).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Motivo).HasMaxLength(200);
        builder.Property(m => m.Responsavel).HasMaxLength(200);
        builder.Property(m => m.Observacoes).HasMaxLength(500);
        builder.HasIndex(m => new { m.ProdutoId, m.DataMovimentacao }).IsDescending(false, true);
    }
}
