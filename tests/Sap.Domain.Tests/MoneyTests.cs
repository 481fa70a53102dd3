namespace Sap.Domain.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("0.005", "0.01")]
    [InlineData("10", "10")]
    public void Round2_rounds_half_away_from_zero(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Round2(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Ticket_medio_of_100_over_3_pedidos_is_33_33() => Assert.Equal(33.33m, Money.Average(100.00m, 3));

    [Fact]
    public void Average_over_no_pedidos_is_zero() => Assert.Equal(0m, Money.Average(100m, 0));

    [Fact]
    public void A_margin_of_2_over_3_is_66_67_percent() => Assert.Equal(66.67m, Money.Percentage(2m, 3m));

    [Fact]
    public void A_margin_of_1_over_3_is_33_33_percent() => Assert.Equal(33.33m, Money.Percentage(1m, 3m));

    [Fact]
    public void A_loss_rounds_away_from_zero_too() => Assert.Equal(-16.67m, Money.Percentage(-1m, 6m));

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Percentage_of_a_non_positive_base_is_zero(string denominator) =>
        Assert.Equal(0m, Money.Percentage(5m, decimal.Parse(denominator, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("32.50", true)]
    [InlineData("32.5", true)]
    [InlineData("32", true)]
    [InlineData("32.505", false)]
    [InlineData("0.001", false)]
    public void Money_input_takes_at_most_two_decimals(string value, bool expected) =>
        Assert.Equal(expected, Money.HasAtMostTwoDecimals(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(12345L, "123.45")]
    [InlineData(100L, "1.00")]
    [InlineData(0L, "0.00")]
    [InlineData(-5L, "-0.05")]
    [InlineData(99_999_999_999_999L, "999999999999.99")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    public void Centavos_become_an_amount_with_two_decimals(long centavos, string expected) =>
        Assert.Equal(expected, Money.FromCents(centavos).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Name_keys_ignore_case_and_surrounding_spaces() =>
        Assert.Equal(NameKey.Of("bar do zé"), NameKey.Of("  Bar do ZÉ "));
}
