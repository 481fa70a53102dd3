namespace Sap.Domain.ReadModel;

/// <summary>Business dates from <see cref="Inicio"/> (inclusive) to <see cref="Fim"/> (exclusive).</summary>
public readonly record struct DayRange(DateOnly Inicio, DateOnly Fim);
