namespace Sap.Domain.Estoques;

/// <summary>Stored as Entrada, Saida or Ajuste.</summary>
public enum TipoMovimentacao
{
    Entrada,
    Saida,
    Ajuste,
}
