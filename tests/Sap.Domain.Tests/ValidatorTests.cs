using Sap.Domain.Pedidos;
using Sap.Domain.Writes;

namespace Sap.Domain.Tests;

public sealed class ValidatorTests
{
    /// <summary>Found by the fuzz (SAP_FUZZ_SEED=3): "preco_venda": -0 passed as zero, then the item's guard saw a negative and it was a 500.</summary>
    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    public void Negative_zero_money_is_zero(string json)
    {
        var v = new Validator();

        var amount = v.Money("preco_venda", decimal.Parse(json, CultureInfo.InvariantCulture), 0m, 10m);

        Assert.False(v.HasErrors);
        Assert.False(decimal.IsNegative(amount));
        Assert.Equal(0m, ItemPedido.Create(1, 2, amount, 1m).ValorTotalVenda);
    }
}
