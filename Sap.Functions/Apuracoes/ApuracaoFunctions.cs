using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sap.Domain.Apuracoes;
using Sap.Functions.Http;
using Sap.Functions.Security;

namespace Sap.Functions.Apuracoes;

public sealed class ApuracaoFunctions(ApuracaoQueries queries)
{
    /// <summary>A month's apuração; defaults to the current business month; a later month is a 400.</summary>
    [Function(nameof(Apuracao))]
    [RequireRoles(Roles.Financeiro)]
    public async Task<IActionResult> Apuracao(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "apuracao")] HttpRequest request)
    {
        var today = queries.Today;
        var q = new QueryParams(request);
        var mes = q.Number("mes", 1, 12) ?? today.Month;
        var ano = q.Number("ano", 1900, 2100) ?? today.Year;
        if (!q.HasErrors && ApuracaoCalendar.IsFuture(ano, mes, today))
        {
            q.Add("mes", $"{mes:00}/{ano} ainda não começou.");
        }

        return q.HasErrors ? q.Problem : new JsonResponse(await queries.GetAsync(ano, mes, request.HttpContext.RequestAborted));
    }
}
