using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Sap.Functions.Hosting;
using Sap.Functions.Http;

namespace Sap.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of every HTTP function, built from the same catalogue the hosts route (functions.metadata:
/// paths and methods) and from the functions' own attributes (roles, query parameters, bodies, responses), with
/// JSON schemas exported from the very types and serializer options the API uses. It cannot drift from the code.
/// </summary>
public static partial class OpenApiDocumentBuilder
{
    public static JsonObject Build(FunctionCatalog catalog, string routePrefix, string version)
    {
        var schemas = new JsonObject { ["Problem"] = ProblemSchema() };
        var paths = new JsonObject();
        // The catch-all answers what no operation serves: it is not one.
        foreach (var function in catalog.Http.Where(f => !f.CatchAll).OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var path = "/" + SelfHost.Combine(routePrefix, function.Route);
            if (paths[path] is not JsonObject item)
            {
                paths[path] = item = [];
            }

            // HEAD answers every GET (SPEC §1) with the GET's headers: not an operation of its own.
            foreach (var method in function.HttpMethods.Where(m => m != "HEAD"))
            {
                item[method.ToLowerInvariant()] = Operation(function, method, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Sap — API do Sistema SAP",
                ["version"] = version,
                ["description"] = "Vendas, pagamentos, coletas e apuração. Erros em application/problem+json (RFC 9457) com request_id.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
        };
    }

    private static JsonObject Operation(FunctionEndpoint function, string method, JsonObject schemas)
    {
        var m = function.Method;
        IReadOnlyList<string> allowed = function.Anonymous ? [] : [Security.Roles.Admin, .. function.Roles];
        var roles = function.Anonymous ? "anônimo" : string.Join(", ", allowed);
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["tags"] = new JsonArray(m.DeclaringType!.Namespace!.Split('.')[^1]),
            ["description"] = $"Perfis: {roles}.",
            ["x-roles"] = new JsonArray([.. allowed.Select(r => (JsonNode)r)]),
            ["security"] = function.Anonymous ? new JsonArray() : new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };

        var parameters = new JsonArray();
        foreach (Match match in RouteParameter().Matches(function.Route))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = match.Groups[1].Value,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["minimum"] = 1 },
            });
        }

        foreach (var query in m.GetCustomAttributes<QueryParameterAttribute>())
        {
            parameters.Add(new JsonObject
            {
                ["name"] = query.Name,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = query.Description,
                ["schema"] = QuerySchema(query),
            });
        }

        if (function.AllowsScrapeToken)
        {
            operation["description"] += " Aceita também o token de coleta (Sap:Metrics:ScrapeToken) como Bearer.";
        }

        operation["parameters"] = parameters;
        if (m.GetCustomAttribute<BodyAttribute>() is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Reference(body.Type, schemas, SapJson.Input) } },
            };
        }

        var returns = m.GetCustomAttribute<ReturnsAttribute>();
        var responses = new JsonObject();
        var success = new JsonObject { ["description"] = returns?.Status == 201 ? "Criado (com Location)" : "Sucesso" };
        if (function.Name == "Metrics")
        {
            success["content"] = new JsonObject { ["text/plain"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } };
        }
        else
        {
            success["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject { ["schema"] = returns is null ? new JsonObject() : Reference(returns.Type, schemas, SapJson.Options) },
            };
        }

        responses[(returns?.Status ?? 200).ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;
        if (method == "GET" && !function.Anonymous && function.Name != "Metrics")
        {
            responses["304"] = new JsonObject { ["description"] = "Não modificado (If-None-Match com o ETag atual)" };
        }

        var errors = new List<(string Status, string Text)>();
        if (parameters.Count > 0 || operation["requestBody"] is not null)
        {
            errors.Add(("400", "Parâmetro ou corpo inválido"));
        }

        if (!function.Anonymous)
        {
            errors.Add(("401", "Token ausente ou inválido"));
            errors.Add(("403", "Perfil sem permissão"));
        }

        if (function.Route.Contains('{', StringComparison.Ordinal))
        {
            errors.Add(("404", "Não encontrado"));
        }

        if (method != "GET")
        {
            errors.Add(("409", "Conflito com o estado ou duplicado"));
            errors.Add(("413", "Corpo acima de 1 MiB"));
            errors.Add(("422", "Regra de negócio violada"));
        }

        errors.Add(("500", "Erro interno"));
        errors.Add(("503", "Dependência fora do ar (Retry-After)"));
        foreach (var (status, text) in errors)
        {
            responses[status] = new JsonObject
            {
                ["description"] = text,
                ["content"] = new JsonObject
                {
                    ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } },
                },
            };
        }

        operation["responses"] = responses;
        return operation;
    }

    private static JsonObject QuerySchema(QueryParameterAttribute query)
    {
        var schema = query.Kind switch
        {
            "date" => new JsonObject { ["type"] = "string", ["format"] = "date" },
            "integer" => new JsonObject { ["type"] = "integer" },
            _ => new JsonObject { ["type"] = "string" },
        };
        if (query.Values.Count > 0)
        {
            schema["enum"] = new JsonArray([.. query.Values.Select(v => (JsonNode)v)]);
        }

        if (query.Minimum != int.MinValue)
        {
            schema["minimum"] = query.Minimum;
        }

        if (query.Maximum != int.MaxValue)
        {
            schema["maximum"] = query.Maximum;
        }

        return schema;
    }

    /// <summary>Registers the type's schema under components/schemas and answers a reference to it.</summary>
    private static JsonObject Reference(Type type, JsonObject schemas, JsonSerializerOptions options)
    {
        var name = type.Name;
        if (schemas[name] is null)
        {
            schemas[name] = options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, node) =>
                {
                    // Money goes through a converter the exporter cannot see into: it is a number with two decimals.
                    var t = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                    return t == typeof(decimal) ? new JsonObject { ["type"] = "number", ["multipleOf"] = 0.01 } : node;
                },
            });
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type", "title", "status", "detail", "request_id"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["request_id"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
    };

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex RouteParameter();
}
