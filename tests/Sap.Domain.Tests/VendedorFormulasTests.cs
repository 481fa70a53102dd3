using Sap.Domain.Vendedor;

namespace Sap.Domain.Tests;

public sealed class VendedorFormulasTests
{
    [Fact]
    public void Margin_of_the_hand_worked_clientes_A_and_B()
    {
        // A sold 1000 at a cost of 700; B sold 500 at a cost of 250.
        Assert.Equal(300m, VendedorFormulas.Lucro(1_000m, 700m));
        Assert.Equal(30m, VendedorFormulas.MargemMedia(1_000m, 700m));
        Assert.Equal(250m, VendedorFormulas.Lucro(500m, 250m));
        Assert.Equal(50m, VendedorFormulas.MargemMedia(500m, 250m));
        // The margem ranking sorts by lucro: A (300) before B (250), though B's margin is higher.
        Assert.True(VendedorFormulas.Lucro(1_000m, 700m) > VendedorFormulas.Lucro(500m, 250m));
    }

    [Fact]
    public void Margin_of_2_over_3_rounds_to_66_67() => Assert.Equal(66.67m, VendedorFormulas.MargemMedia(3m, 1m));

    [Theory]
    [InlineData("0", "10")]
    [InlineData("-5", "0")]
    public void Margin_without_sales_value_is_zero(string valor, string custo) =>
        Assert.Equal(0m, VendedorFormulas.MargemMedia(decimal.Parse(valor, CultureInfo.InvariantCulture), decimal.Parse(custo, CultureInfo.InvariantCulture)));

    [Fact]
    public void Ticket_medio_of_100_over_3_pedidos_is_33_33() => Assert.Equal(33.33m, VendedorFormulas.TicketMedio(100.00m, 3));

    [Fact]
    public void Ticket_medio_without_pedidos_is_zero() => Assert.Equal(0m, VendedorFormulas.TicketMedio(0m, 0));

    [Fact]
    public void Preco_medio_is_weighted_by_quantity()
    {
        // 10 units at 3.00 and 2 units at 9.00: Σ venda 48.00 over 12 units = 4.00 (the unweighted mean would be 6.00).
        Assert.Equal(4.00m, VendedorFormulas.PrecoMedio((10 * 3.00m) + (2 * 9.00m), 12));
        // 100.00 over 7 units = 14.2857… → 14.29.
        Assert.Equal(14.29m, VendedorFormulas.PrecoMedio(100.00m, 7));
    }
}
