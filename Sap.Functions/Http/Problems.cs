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

    public static ProblemResponse Internal() =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "internal", "Erro interno",
            "Ocorreu um erro inesperado. Informe o request_id ao suporte.");
}
