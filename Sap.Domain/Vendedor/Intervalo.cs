namespace Sap.Domain.Vendedor;

/// <summary>The dates a ranking covers; null where the window is open.</summary>
public sealed record Intervalo(
    DateOnly? Inicio,
    DateOnly? Fim);
