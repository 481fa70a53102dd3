namespace Sap.Domain.Time;

/// <summary>The ranking periods of SPEC §3: each covers from N days before today to the end of today.</summary>
public enum Periodo
{
    Todos,
    UltimoMes,
    Ultimos3Meses,
    Ultimos6Meses,
    UltimoAno,
}
