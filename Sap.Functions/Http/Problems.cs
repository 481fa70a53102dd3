using Microsoft.AspNetCore.Http;

namespace Sap.Functions.Http;

/// <summary>The problems Sap answers with: a stable type per kind, Portuguese titles and details for end users.</summary>
public static class Problems
{
    public const string TypePrefix = "https://sap.dev/problems/";

    public static ProblemResponse Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "validation", "Requisição inválida",
            "Um ou mais parâmetros são inválidos.", errors);

    public static ProblemResponse Unauthorized()
    {
        var problem = new ProblemResponse(StatusCodes.Status401Unauthorized, TypePrefix + "unauthorized", "Não autenticado",
            "É preciso um token Bearer válido (assinatura, validade, emissor e audiência).");
        problem.Headers["WWW-Authenticate"] = "Bearer";
        return problem;
    }

    public static ProblemResponse BadBody(string detail, string? path) =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "validation", "Requisição inválida", detail,
            path is null ? null : new Dictionary<string, string[]> { [path] = [detail] });

    public static ProblemResponse TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, TypePrefix + "too-large", "Corpo grande demais", "O corpo da requisição excede 1 MiB.");

    public static ProblemResponse Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, TypePrefix + "conflict", "Conflito", detail);

    public static ProblemResponse RuleBroken(string detail, IReadOnlyDictionary<string, string[]>? errors) =>
        new(StatusCodes.Status422UnprocessableEntity, TypePrefix + "rule", "Regra de negócio violada", detail, errors);

    public static ProblemResponse Unavailable(int retryAfterSeconds)
    {
        var problem = new ProblemResponse(StatusCodes.Status503ServiceUnavailable, TypePrefix + "unavailable", "Serviço indisponível",
            "Um serviço de que a API depende está fora do ar. Tente de novo em instantes.");
        problem.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem;
    }

    public static ProblemResponse TooManyRequests(int retryAfterSeconds)
    {
        var problem = new ProblemResponse(StatusCodes.Status429TooManyRequests, TypePrefix + "rate-limited", "Requisições demais",
            "Você excedeu o limite de requisições por minuto. Tente de novo depois do tempo indicado em Retry-After.");
        problem.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem;
    }

    public static ProblemResponse Forbidden() =>
        new(StatusCodes.Status403Forbidden, TypePrefix + "forbidden", "Acesso negado",
            "O seu perfil não tem permissão para esta operação.");

    public static ProblemResponse NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "not-found", "Não encontrado", detail);

    /// <summary>No function has this route (as opposed to a function's own 404 for an unknown id).</summary>
    public static ProblemResponse NoRoute() =>
        new(StatusCodes.Status404NotFound, TypePrefix + "no-route", "Rota não encontrada", "Nenhuma operação atende este endereço.");

    /// <param name="allowed">The methods the address does take, for the <c>Allow</c> header RFC 9110 asks of a 405.</param>
    public static ProblemResponse MethodNotAllowed(IEnumerable<string> allowed)
    {
        var problem = new ProblemResponse(StatusCodes.Status405MethodNotAllowed, TypePrefix + "method-not-allowed", "Método não permitido",
            "Este endereço não aceita este método HTTP.");
        problem.Headers["Allow"] = string.Join(", ", allowed);
        return problem;
    }

    public static ProblemResponse Internal() =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "internal", "Erro interno",
            "Ocorreu um erro inesperado. Informe o request_id ao suporte.");
}
