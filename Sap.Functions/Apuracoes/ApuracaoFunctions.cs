using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Sap.Domain.Apuracoes;
using Sap.Domain.Events;
using Sap.Functions.Caching;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Apuracoes;

public sealed class ApuracaoFunctions(ApuracaoQueries queries, WriteEndpoints writes, ReadCache cache)
{
    /// <summary>A month's apuração; defaults to the current business month; a later month is a 400.</summary>
    [Function(nameof(Apuracao))]
    [QueryParameter("mes", "integer", "Mês (padrão: o atual)", Minimum = 1, Maximum = 12)]
    [QueryParameter("ano", "integer", "Ano (padrão: o atual)", Minimum = 1900, Maximum = 2100)]
    [Returns(typeof(ApuracaoResponse))]
    [RequireRoles(Roles.Financeiro)]
    public async Task<IActionResult> Apuracao(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "apuracao")] HttpRequest request)
    {
        var today = queries.Today;
        var q = new QueryParams(request);
        var mes = q.Number("mes", 1, 12) ?? today.Month;
        var ano = q.Number("ano", 1900, 2100) ?? today.Year;
        if (!q.HasErrors && ApuracaoCalendar.IsFuture(ano, mes, today))
        {
            q.Add("mes", $"{mes:00}/{ano} ainda não começou.");
        }

        if (q.HasErrors)
        {
            return q.Problem;
        }

        // anos_disponiveis falls back to the current year: the key carries it.
        return await cache.RespondAsync("apuracao", string.Create(CultureInfo.InvariantCulture, $"{ano:0000}-{mes:00}|{today.Year}"),
            CacheTags.ApuracaoRead(ano, mes), cache.Ttl.Apuracao,
            ct => queries.GetAsync(ano, mes, ct), request.HttpContext.RequestAborted);
    }

    [Function(nameof(CriarApuracao))]
    [Body(typeof(ApuracaoInput))]
    [Returns(typeof(ApuracaoView), 201)]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> CriarApuracao(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "apuracao")] HttpRequest request) =>
        writes.RunAsync<ApuracaoInput, ApuracaoView>(request, (scope, input, ct) => ApuracaoCommands.CreateAsync(scope, input, queries.Today, ct),
            a => $"/api/apuracao?mes={a.Mes}&ano={a.Ano}");

    [Function(nameof(AtualizarApuracao))]
    [Body(typeof(ApuracaoUpdateInput))]
    [Returns(typeof(ApuracaoView))]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> AtualizarApuracao(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "apuracao/{id}")] HttpRequest request, string id)
    {
        var apuracaoId = QueryParams.RouteId(id);
        return writes.RunAsync<ApuracaoUpdateInput, ApuracaoView>(request, (scope, input, ct) => ApuracaoCommands.UpdateAsync(scope, apuracaoId, input, ct), _ => null);
    }

    /// <summary>Locks the apuração for good: only ADMIN (SPEC §4).</summary>
    [Function(nameof(TornarApuracaoDefinitiva))]
    [Returns(typeof(ApuracaoView))]
    [RequireRoles]
    public Task<IActionResult> TornarApuracaoDefinitiva(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "apuracao/{id}/definitiva")] HttpRequest request, string id)
    {
        var apuracaoId = QueryParams.RouteId(id);
        return writes.RunAsync(request, (scope, ct) => ApuracaoCommands.MakeDefinitiveAsync(scope, apuracaoId, ct));
    }

    [Function(nameof(ExcluirApuracao))]
    [Returns(typeof(ApuracaoView))]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> ExcluirApuracao(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "apuracao/{id}")] HttpRequest request, string id)
    {
        var apuracaoId = QueryParams.RouteId(id);
        return writes.RunAsync(request, (scope, ct) => ApuracaoCommands.DeleteAsync(scope, apuracaoId, ct));
    }
}
