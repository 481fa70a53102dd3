using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Apuracoes;

internal sealed class ApuracaoConfiguration : IEntityTypeConfiguration<Apuracao>
{
    /// <summary>The largest revenue an apuração accepts (the old system's limit).</summary>
    public const decimal MaxReceita = 1_000_000_000m;

    private static readonly string[] NonNegativeColumns =
    [
        "custo_produtos", "verba_scann", "verba_plano_negocios", "verba_time_ambev", "verba_outras_receitas", "outros_custos",
    ];

    public void Configure(EntityTypeBuilder<Apuracao> builder)
    {
        builder.ToTable("apuracao", t =>
        {
            t.HasCheckConstraint("ck_apuracao_mes", "mes BETWEEN 1 AND 12");
            t.HasCheckConstraint("ck_apuracao_ano", "ano BETWEEN 1900 AND 2100");
            t.HasCheckConstraint("ck_apuracao_receita_total", Checks.NonNegative("receita_total"));
            t.HasCheckConstraint("ck_apuracao_receita_total_max", Checks.AtMost("receita_total", MaxReceita));
            foreach (var column in NonNegativeColumns)
            {
                t.HasCheckConstraint($"ck_apuracao_{column}", Checks.NonNegative(column));
            }
        });
        builder.HasIndex(a => new { a.Ano, a.Mes }).IsUnique();
        builder.Property(a => a.CriadoPor).HasMaxLength(200);
        builder.Ignore(a => a.Figures);
    }
}
