using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using Sap.Domain;
using Sap.Domain.Coletas;
using Sap.Domain.Data;
using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Pedidos;

public sealed class PedidoFunctions(
    WriteEndpoints writes, PedidoCommands pedidos, PagamentoCommands pagamentos, ColetaCommands coletas, IDbContextFactory<SapDbContext> contexts)
{
    [Function(nameof(CriarPedido))]
    [Body(typeof(PedidoInput))]
    [Returns(typeof(PedidoView), 201)]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public Task<IActionResult> CriarPedido(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pedidos")] HttpRequest request) =>
        writes.RunAsync<PedidoInput, PedidoView>(request, pedidos.CreateAsync, p => $"/api/pedidos/{p.Id}");

    [Function(nameof(AtualizarPedido))]
    [Body(typeof(PedidoItensInput))]
    [Returns(typeof(PedidoView))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public Task<IActionResult> AtualizarPedido(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "pedidos/{id}")] HttpRequest request, string id)
    {
        var pedidoId = QueryParams.RouteId(id);
        return writes.RunAsync<PedidoItensInput, PedidoView>(request, (scope, input, ct) => pedidos.ReplaceItensAsync(scope, pedidoId, input, ct), _ => null);
    }

    [Function(nameof(CancelarPedido))]
    [Returns(typeof(PedidoView))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public Task<IActionResult> CancelarPedido(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pedidos/{id}/cancelar")] HttpRequest request, string id)
    {
        var pedidoId = QueryParams.RouteId(id);
        return writes.RunAsync(request, (scope, ct) => pedidos.CancelAsync(scope, pedidoId, ct));
    }

    [Function(nameof(ObterPedido))]
    [Returns(typeof(PedidoView))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro, Roles.Logistica)]
    public async Task<IActionResult> ObterPedido(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "pedidos/{id}")] HttpRequest request, string id)
    {
        var pedidoId = QueryParams.RouteId(id);
        var ct = request.HttpContext.RequestAborted;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pedido = await db.Pedidos.AsNoTracking().Include(p => p.Itens).FirstOrDefaultAsync(p => p.Id == pedidoId, ct)
            ?? throw new NotFoundException($"Pedido {pedidoId} não encontrado.");
        return new JsonResponse(PedidoView.Of(pedido));
    }

    [Function(nameof(RegistrarPagamento))]
    [Body(typeof(PagamentoInput))]
    [Returns(typeof(PagamentoView), 201)]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> RegistrarPagamento(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pedidos/{id}/pagamentos")] HttpRequest request, string id)
    {
        var pedidoId = QueryParams.RouteId(id);
        return writes.RunAsync<PagamentoInput, PagamentoView>(request, (scope, input, ct) => pagamentos.PayAsync(scope, pedidoId, input, ct),
            p => $"/api/pedidos/{p.PedidoId}");
    }

    [Function(nameof(RegistrarColeta))]
    [Body(typeof(ColetaInput))]
    [Returns(typeof(ColetaView), 201)]
    [RequireRoles(Roles.Logistica)]
    public Task<IActionResult> RegistrarColeta(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pedidos/{id}/coletas")] HttpRequest request, string id)
    {
        var pedidoId = QueryParams.RouteId(id);
        return writes.RunAsync<ColetaInput, ColetaView>(request, (scope, input, ct) => coletas.PickUpAsync(scope, pedidoId, input, ct),
            c => $"/api/pedidos/{c.PedidoId}");
    }
}
