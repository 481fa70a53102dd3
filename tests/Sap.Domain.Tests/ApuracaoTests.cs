using Sap.Domain.Apuracoes;

namespace Sap.Domain.Tests;

public sealed class ApuracaoTests
{
    [Fact]
    public void Figures_of_the_hand_worked_apuracao()
    {
        // receita 50 000, custo 35 000, verbas 2 000 / 0 / 0 / 0, outros 1 000.
        var f = ApuracaoFigures.Of(50_000m, 35_000m, 2_000m, 0m, 0m, 0m, 1_000m);

        Assert.Equal(2_000m, f.TotalVerbas);
        Assert.Equal(15_000m, f.MargemBruta); // 50 000 − 35 000
        Assert.Equal(16_000m, f.ResultadoLiquido); // 15 000 + 2 000 − 1 000
        Assert.Equal(30m, f.PercentualMargem); // 15 000 / 50 000 × 100
    }

    [Fact]
    public void Total_verbas_sums_all_four()
    {
        var f = ApuracaoFigures.Of(1_000m, 400m, 10.10m, 20.20m, 30.30m, 40.40m, 0m);

        Assert.Equal(101.00m, f.TotalVerbas);
        Assert.Equal(701.00m, f.ResultadoLiquido); // 600 + 101 − 0
    }

    [Fact]
    public void Percentual_margem_rounds_to_two_decimals() =>
        Assert.Equal(66.67m, ApuracaoFigures.Of(3m, 1m, 0m, 0m, 0m, 0m, 0m).PercentualMargem);

    [Fact]
    public void Percentual_margem_is_zero_without_revenue()
    {
        var f = ApuracaoFigures.Of(0m, 100m, 0m, 0m, 0m, 0m, 50m);

        Assert.Equal(0m, f.PercentualMargem);
        Assert.Equal(-100m, f.MargemBruta);
        Assert.Equal(-150m, f.ResultadoLiquido);
    }

    [Fact]
    public void Calculado_counts_the_fully_paid_pedidos_of_the_month()
    {
        // Two pedidos of August 2025, 1000 (cost 700) and 2000 (cost 1400), both fully paid.
        var c = ApuracaoCalculation.Empty.Add(1_000m, 700m, 1_000m).Add(2_000m, 1_400m, 2_000m);

        Assert.Equal(new ApuracaoCalculation(3_000m, 2_100m, 2, 2), c);
    }

    [Fact]
    public void Calculado_leaves_out_a_partly_paid_pedido_but_counts_it_in_the_period()
    {
        var c = ApuracaoCalculation.Empty.Add(1_000m, 700m, 999.99m).Add(2_000m, 1_400m, 2_000m);

        Assert.Equal(new ApuracaoCalculation(2_000m, 1_400m, 2, 1), c);
    }

    [Fact]
    public void Calculado_ignores_a_pedido_without_value()
    {
        var c = ApuracaoCalculation.Empty.Add(0m, 0m, 0m);

        Assert.Equal(new ApuracaoCalculation(0m, 0m, 1, 0), c);
    }

    [Theory]
    [InlineData(1, "Janeiro")]
    [InlineData(3, "Março")]
    [InlineData(12, "Dezembro")]
    public void Month_names_are_portuguese(int mes, string nome) => Assert.Equal(nome, ApuracaoCalendar.MesNome(mes));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void There_is_no_month_outside_1_to_12(int mes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApuracaoCalendar.MesNome(mes));

    [Theory]
    [InlineData(2025, 8, false)]
    [InlineData(2025, 9, false)]
    [InlineData(2025, 10, true)]
    [InlineData(2026, 1, true)]
    [InlineData(2024, 12, false)]
    public void A_month_after_the_current_one_is_in_the_future(int ano, int mes, bool future) =>
        Assert.Equal(future, ApuracaoCalendar.IsFuture(ano, mes, new DateOnly(2025, 9, 30)));

    [Fact]
    public void Status_reads_definitivo_or_rascunho()
    {
        Assert.Equal("Definitivo", ApuracaoCalendar.StatusText(true));
        Assert.Equal("Rascunho", ApuracaoCalendar.StatusText(false));
    }
}
