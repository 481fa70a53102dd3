namespace Sap.Domain.Coletas;

/// <summary>Stored as the old system's text: "Parcialmente Coletado" or "Totalmente Coletado".</summary>
public enum StatusColeta
{
    ParcialmenteColetado,
    TotalmenteColetado,
}
