using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Domain.Time;
using Sap.Domain.Vendedor;
using Sap.Functions.Http;
using Sap.Functions.Security;

namespace Sap.Functions.Vendedor;

/// <summary>
/// The vendedor screens (SPEC §3). Host-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Sap checks
/// bearer tokens itself, in <see cref="RequestPipeline"/>, from each function's <see cref="RequireRolesAttribute"/>.
/// </summary>
public sealed class VendedorFunctions(VendedorQueries queries)
{
    private static readonly Dictionary<string, Periodo> Periodos = new(StringComparer.Ordinal)
    {
        ["todos"] = Periodo.Todos,
        ["ultimo_mes"] = Periodo.UltimoMes,
        ["ultimos_3_meses"] = Periodo.Ultimos3Meses,
        ["ultimos_6_meses"] = Periodo.Ultimos6Meses,
        ["ultimo_ano"] = Periodo.UltimoAno,
    };

    private static readonly Dictionary<string, SemCompraBucket?> Buckets = new(StringComparer.Ordinal)
    {
        ["todos"] = null,
        ["7"] = SemCompraBucket.Dias7,
        ["15"] = SemCompraBucket.Dias15,
        ["30"] = SemCompraBucket.Dias30,
    };

    [Function(nameof(Dashboard))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/dashboard")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var filter = DateFilter.FromDates(q.Date("data_inicio"), q.Date("data_fim"));
        return q.HasErrors ? q.Problem : new JsonResponse(await queries.DashboardAsync(filter, request.HttpContext.RequestAborted));
    }

    [Function(nameof(Rankings))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> Rankings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/rankings")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var periodo = q.OneOf("periodo", Periodos.Keys) ?? "todos";
        var inicio = q.Date("data_inicio");
        var fim = q.Date("data_fim");
        if (q.HasErrors)
        {
            return q.Problem;
        }

        var filter = DateFilter.For(Periodos[periodo], inicio, fim, queries.Today);
        return new JsonResponse(await queries.RankingsAsync(filter, periodo, request.HttpContext.RequestAborted));
    }

    [Function(nameof(ClienteDetalhe))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteDetalhe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/clientes/{id}")] HttpRequest request, string id)
    {
        var q = new QueryParams(request);
        var clienteId = q.Id("id", id);
        var limite = q.Number("limite", 1, 500) ?? 50;
        if (q.HasErrors)
        {
            return q.Problem;
        }

        var detail = await queries.ClienteAsync(clienteId, limite, request.HttpContext.RequestAborted);
        return detail is null ? ClienteNotFound(clienteId) : new JsonResponse(detail);
    }

    [Function(nameof(ClientesPorPeriodo))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClientesPorPeriodo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/clientes")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var periodo = q.OneOf("periodo", Buckets.Keys) ?? "todos";
        return q.HasErrors ? q.Problem : new JsonResponse(await queries.ClientesAsync(Buckets[periodo], request.HttpContext.RequestAborted));
    }

    [Function(nameof(ClienteProdutos))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteProdutos(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/clientes/{id}/produtos")] HttpRequest request, string id)
    {
        var q = new QueryParams(request);
        var clienteId = q.Id("id", id);
        if (q.HasErrors)
        {
            return q.Problem;
        }

        var produtos = await queries.ClienteProdutosAsync(clienteId, request.HttpContext.RequestAborted);
        return produtos is null ? ClienteNotFound(clienteId) : new JsonResponse(produtos);
    }

    [Function(nameof(ClienteBusca))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteBusca(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vendedor/clientes/busca")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var text = q.Text("q", 100);
        return q.HasErrors ? q.Problem : new JsonResponse(await queries.BuscaAsync(text, request.HttpContext.RequestAborted));
    }

    private static ProblemResponse ClienteNotFound(long id) => Problems.NotFound($"Cliente {id} não encontrado.");
}
