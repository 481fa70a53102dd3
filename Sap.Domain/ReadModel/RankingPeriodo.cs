namespace Sap.Domain.ReadModel;

/// <summary>
/// One ranking window: <see cref="Dias"/> days back from <see cref="DataBase"/> (0 = every pedido). The rows of
/// <see cref="RankingCliente"/> and <see cref="RankingProduto"/> for it cover the pedidos from <see cref="Inicio"/>
/// on; when the business date moves past <see cref="DataBase"/>, the window is rolled forward.
/// </summary>
public sealed class RankingPeriodo
{
    public int Dias { get; set; }

    public DateOnly DataBase { get; set; }

    public DateTime? Inicio { get; set; }
}
