using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Domain.Clientes;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Clientes;

public sealed class ClienteFunctions(WriteEndpoints writes)
{
    [Function(nameof(CriarCliente))]
    [Body(typeof(ClienteInput))]
    [Returns(typeof(ClienteView), 201)]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public Task<IActionResult> CriarCliente(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clientes")] HttpRequest request) =>
        writes.RunAsync<ClienteInput, ClienteView>(request, ClienteCommands.CreateAsync, c => $"/api/vendedor/clientes/{c.Id}");

    [Function(nameof(AtualizarCliente))]
    [Body(typeof(ClienteInput))]
    [Returns(typeof(ClienteView))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public Task<IActionResult> AtualizarCliente(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clientes/{id}")] HttpRequest request, string id)
    {
        var clienteId = QueryParams.RouteId(id);
        return writes.RunAsync<ClienteInput, ClienteView>(request, (scope, input, ct) => ClienteCommands.UpdateAsync(scope, clienteId, input, ct), _ => null);
    }
}
