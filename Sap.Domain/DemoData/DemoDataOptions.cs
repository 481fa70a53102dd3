namespace Sap.Domain.DemoData;

/// <summary>
/// What demo-data makes. Every value, timestamps included, derives from <see cref="Seed"/> and
/// <see cref="Today"/> (a business date), so the same pair always gives the same rows.
/// </summary>
public sealed record DemoDataOptions(DemoScale Scale, int Seed, DateOnly Today)
{
    public int Clientes => Scale switch
    {
        DemoScale.Small => 200,
        DemoScale.Medium => 1_000,
        _ => 5_000,
    };

    public int Pedidos => Scale switch
    {
        DemoScale.Small => 5_000,
        DemoScale.Medium => 100_000,
        _ => 1_000_000,
    };

    public int Produtos => Scale switch
    {
        DemoScale.Small => 60,
        DemoScale.Medium => 120,
        _ => 200,
    };

    /// <summary>Pedidos span this many months back from <see cref="Today"/>.</summary>
    public const int Months = 24;
}
