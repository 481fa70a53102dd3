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

    public static ProblemResponse Forbidden() =>
        new(StatusCodes.Status403Forbidden, TypePrefix + "forbidden", "Acesso negado",
            "O seu perfil não tem permissão para esta operação.");

    public static ProblemResponse NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "not-found", "Não encontrado", detail);

    /// <summary>No function has this route (as opposed to a function's own 404 for an unknown id).</summary>
    public static ProblemResponse NoRoute() =>
        new(StatusCodes.Status404NotFound, TypePrefix + "no-route", "Rota não encontrada", "Nenhuma operação atende este endereço.");

    public static ProblemResponse MethodNotAllowed() =>
        new(StatusCodes.Status405MethodNotAllowed, TypePrefix + "method-not-allowed", "Método não permitido",
            "Este endereço não aceita este método HTTP.");

    public static ProblemResponse Internal() =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "internal", "Erro interno",
            "Ocorreu um erro inesperado. Informe o request_id ao suporte.");
}
