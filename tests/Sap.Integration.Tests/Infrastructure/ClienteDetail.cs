using System.Text.Json;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>What the tests read from GET /api/vendedor/clientes/{id}.</summary>
public static class ClienteDetail
{
    public static int TotalPedidos(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("estatisticas").GetProperty("total_pedidos").GetInt32();

    public static int TotalPedidos(ApiResponse response) => TotalPedidos(response.Ok().Body);
}
