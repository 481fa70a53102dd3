namespace Sap.Domain.ReadModel;

/// <summary>
/// Where a moving window's rows stand: the window as of <see cref="DataBase"/>, from <see cref="Inicio"/>
/// (inclusive) to <see cref="Fim"/> (exclusive; null is open). When the business date moves past it, the rows are
/// rolled forward (<see cref="SalesRoll"/>). Every sales write reads these rows under a key-share lock (writes never
/// wait for each other on it), so a roll or a rebuild, which lock them for update, never runs beside a write.
/// </summary>
public sealed class JanelaMovel
{
    public string Janela { get; set; } = "";

    public DateOnly DataBase { get; set; }

    public DateOnly Inicio { get; set; }

    public DateOnly? Fim { get; set; }
}
