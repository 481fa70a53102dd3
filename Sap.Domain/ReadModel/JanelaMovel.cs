namespace Sap.Domain.ReadModel;

/// <summary>
/// Where a moving window's rows stand: the window as of <see cref="DataBase"/>, from <see cref="Inicio"/>
/// (inclusive) to <see cref="Fim"/> (exclusive; null is open). When the business date moves past it, the rows are
/// rolled forward (<see cref="SalesRoll"/>). These rows also decide who works beside whom (<see cref="SalesTurns"/>):
/// no roll or rebuild ever runs beside a sales write.
/// </summary>
public sealed class JanelaMovel
{
    public string Janela { get; set; } = "";

    public DateOnly DataBase { get; set; }

    public DateOnly Inicio { get; set; }

    public DateOnly? Fim { get; set; }
}
