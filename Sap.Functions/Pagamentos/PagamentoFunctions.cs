using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Domain.Pagamentos;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Pagamentos;

public sealed class PagamentoFunctions(WriteEndpoints writes, PagamentoCommands pagamentos)
{
    [Function(nameof(RejeitarPagamento))]
    [Returns(typeof(PagamentoView))]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> RejeitarPagamento(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pagamentos/{id}/rejeitar")] HttpRequest request, string id)
    {
        var pagamentoId = QueryParams.RouteId(id);
        return writes.RunAsync(request, (scope, ct) => pagamentos.RejectAsync(scope, pagamentoId, ct));
    }
}
