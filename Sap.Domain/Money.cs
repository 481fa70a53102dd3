namespace Sap.Domain;

/// <summary>Money and ratio arithmetic as SPEC §1 states it: two decimals, rounded half away from zero.</summary>
public static class Money
{
    /// <summary>The largest amount a numeric(14,2) column holds.</summary>
    public const decimal MaxValue = 999_999_999_999.99m;

    /// <summary>An amount kept as whole centavos, with its two decimals (12345 → 123.45, 100 → 1.00).</summary>
    public static decimal FromCents(long centavos) =>
        new((int)(Math.Abs(centavos) & 0xFFFFFFFF), (int)(Math.Abs(centavos) >> 32), 0, centavos < 0, 2);

    /// <summary>An amount of at most two decimals as whole centavos (123.45 → 12345).</summary>
    public static long ToCents(decimal amount) => (long)(amount * 100m);

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when the amount needs no more than two decimals ("32.50" yes, "32.505" no).</summary>
    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    /// <summary>numerator / denominator, rounded to cents; 0 when there is nothing to divide by.</summary>
    public static decimal Average(decimal total, long count) => count <= 0 ? 0m : Round2(total / count);

    /// <summary>numerator / denominator × 100, rounded to two decimals; 0 when the denominator is not positive.</summary>
    public static decimal Percentage(decimal numerator, decimal denominator) =>
        denominator <= 0 ? 0m : Round2(numerator * 100m / denominator);
}
