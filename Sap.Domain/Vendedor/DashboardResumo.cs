using System.Text.Json.Serialization;

namespace Sap.Domain.Vendedor;

/// <summary>Clientes, and how many have not bought for more than 7, 15 and 30 days. Ignores the date filter.</summary>
public sealed record DashboardResumo(
    int TotalClientes,
    [property: JsonPropertyName("sem_compra_7_dias")] int SemCompra7Dias,
    [property: JsonPropertyName("sem_compra_15_dias")] int SemCompra15Dias,
    [property: JsonPropertyName("sem_compra_30_dias")] int SemCompra30Dias);
