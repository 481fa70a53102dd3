using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Sap.Domain;
using Sap.Domain.Events;
using Sap.Domain.Text;
using Sap.Domain.Time;
using Sap.Domain.Vendedor;
using Sap.Functions.Caching;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Vendedor;

/// <summary>
/// The vendedor screens (SPEC §3). Host-level keys are off (<see cref="AuthorizationLevel.Anonymous"/>): Sap checks
/// bearer tokens itself, in <see cref="RequestPipeline"/>, from each function's <see cref="RequireRolesAttribute"/>.
/// </summary>
public sealed class VendedorFunctions(VendedorQueries queries, ReadCache cache)
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
    [QueryParameter("data_inicio", "date", "Início da janela (AAAA-MM-DD), inclusive")]
    [QueryParameter("data_fim", "date", "Fim da janela (AAAA-MM-DD), inclusive")]
    [Returns(typeof(DashboardResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/dashboard")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var filter = DateFilter.FromDates(q.Date("data_inicio"), q.Date("data_fim"));
        if (q.HasErrors)
        {
            return q.Problem;
        }

        // The resumo counts days up to today: the key carries the business date.
        return await cache.RespondAsync("dashboard", Key(queries.Today, filter.Inicio, filter.Fim),
            CacheTags.DashboardRead(), cache.Ttl.Dashboard,
            ct => queries.DashboardAsync(filter, ct), request.HttpContext.RequestAborted);
    }

    [Function(nameof(Rankings))]
    [QueryParameter("periodo", "string", "Janela relativa a hoje", "todos", "ultimo_mes", "ultimos_3_meses", "ultimos_6_meses", "ultimo_ano")]
    [QueryParameter("data_inicio", "date", "Início (substitui o período)")]
    [QueryParameter("data_fim", "date", "Fim (substitui o período)")]
    [Returns(typeof(RankingsResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> Rankings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/rankings")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var periodo = q.OneOf("periodo", Periodos.Keys) ?? "todos";
        var inicio = q.Date("data_inicio");
        var fim = q.Date("data_fim");
        if (q.HasErrors)
        {
            return q.Problem;
        }

        var today = queries.Today;
        var filter = DateFilter.For(Periodos[periodo], inicio, fim, today);
        return await cache.RespondAsync("rankings", Key(today, periodo, filter.Inicio, filter.Fim),
            CacheTags.RankingsRead(filter.Inicio, filter.Fim), cache.Ttl.Rankings,
            ct => queries.RankingsAsync(filter, periodo, ct),
            request.HttpContext.RequestAborted);
    }

    [Function(nameof(ClienteDetalhe))]
    [QueryParameter("limite", "integer", "Quantos pedidos listar (padrão 50)", Minimum = 1, Maximum = 500)]
    [Returns(typeof(ClienteDetailResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteDetalhe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/clientes/{id}")] HttpRequest request, string id)
    {
        var q = new QueryParams(request);
        var clienteId = q.Id("id", id);
        var limite = q.Number("limite", 1, 500) ?? 50;
        if (q.HasErrors)
        {
            return q.Problem;
        }

        return await cache.RespondAsync("cliente", Key(clienteId, limite), CacheTags.ClienteRead(clienteId), cache.Ttl.Cliente,
            async ct => await queries.ClienteAsync(clienteId, limite, ct) ?? throw ClienteNotFound(clienteId), request.HttpContext.RequestAborted);
    }

    [Function(nameof(ClientesPorPeriodo))]
    [QueryParameter("periodo", "string", "Faixa de dias sem comprar", "7", "15", "30", "todos")]
    [Returns(typeof(ClientesResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClientesPorPeriodo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/clientes")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var periodo = q.OneOf("periodo", Buckets.Keys) ?? "todos";
        if (q.HasErrors)
        {
            return q.Problem;
        }

        return await cache.RespondAsync("clientes", Key(queries.Today, periodo), CacheTags.ClientesRead(), cache.Ttl.Cliente,
            ct => queries.ClientesAsync(Buckets[periodo], ct), request.HttpContext.RequestAborted);
    }

    [Function(nameof(ClienteProdutos))]
    [Returns(typeof(ClienteProdutosResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteProdutos(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/clientes/{id}/produtos")] HttpRequest request, string id)
    {
        var q = new QueryParams(request);
        var clienteId = q.Id("id", id);
        if (q.HasErrors)
        {
            return q.Problem;
        }

        return await cache.RespondAsync("cliente-produtos", Key(clienteId), CacheTags.ClienteRead(clienteId), cache.Ttl.Cliente,
            async ct => await queries.ClienteProdutosAsync(clienteId, ct) ?? throw ClienteNotFound(clienteId), request.HttpContext.RequestAborted);
    }

    [Function(nameof(ClienteBusca))]
    [QueryParameter("q", "string", "Trecho do nome ou fantasia (sem diferenciar maiúsculas e acentos)")]
    [Returns(typeof(BuscaResponse))]
    [RequireRoles(Roles.Vendedor, Roles.Financeiro)]
    public async Task<IActionResult> ClienteBusca(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "vendedor/clientes/busca")] HttpRequest request)
    {
        var q = new QueryParams(request);
        var text = q.Text("q", 100);
        if (q.HasErrors)
        {
            return q.Problem;
        }

        return await cache.RespondAsync("busca", Key(SearchText.Fold(text?.Trim() ?? "")), CacheTags.BuscaRead(), cache.Ttl.Cliente,
            ct => queries.BuscaAsync(text, ct), request.HttpContext.RequestAborted);
    }

    private static NotFoundException ClienteNotFound(long id) => new($"Cliente {id} não encontrado.");

    /// <summary>A normalized cache key: parsed values, defaults applied, one spelling per meaning.</summary>
    private static string Key(params object?[] parts) =>
        string.Join('|', parts.Select(p => p switch
        {
            null => "-",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
}
