namespace Sap.Domain.Vendedor;

/// <summary>
/// The dashboard's "days without buying" buckets (SPEC §3): more than 7 up to 15 days, more than 15 up to 30,
/// more than 30. A cliente who bought in the last 7 days, or never, is in none.
/// </summary>
public enum SemCompraBucket
{
    Nenhum,
    Dias7,
    Dias15,
    Dias30,
}
