using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Sap.Functions.Hosting;
using Sap.Functions.Http;

namespace Sap.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of every HTTP function (Microsoft.OpenApi's object model), built from the same catalogue
/// the hosts route (functions.metadata: paths and methods) and from the functions' own attributes (roles, query
/// parameters, bodies, responses), with JSON schemas exported from the very types and serializer options the API uses
/// (System.Text.Json's exporter, read into the model by Microsoft.OpenApi's reader). It cannot drift from the code.
/// </summary>
public static partial class OpenApiDocumentBuilder
{
    private const string Bearer = "bearer";
    private const string Problem = "Problem";

    public static OpenApiDocument Build(FunctionCatalog catalog, string routePrefix, string version)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Sap — API do Sistema SAP",
                Version = version,
                Description = "Vendas, pagamentos, coletas e apuração. Erros em application/problem+json (RFC 9457) com request_id.",
            },
            Paths = [],
            Tags = new HashSet<OpenApiTag>(),
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { [Problem] = ProblemSchema() },
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
                {
                    [Bearer] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
                },
            },
        };

        // The catch-all answers what no operation serves: it is not one.
        foreach (var function in catalog.Http.Where(f => !f.CatchAll).OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var path = "/" + SelfHost.Combine(routePrefix, function.Route);
            if (!document.Paths.TryGetValue(path, out var item))
            {
                document.Paths[path] = item = new OpenApiPathItem { Operations = [] };
            }

            // HEAD answers every GET (SPEC §1) with the GET's headers: not an operation of its own.
            foreach (var method in function.HttpMethods.Where(m => m != "HEAD"))
            {
                ((OpenApiPathItem)item).Operations![new HttpMethod(method)] = Operation(document, function, method);
            }
        }

        return document;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, FunctionEndpoint function, string method)
    {
        var m = function.Method;
        IReadOnlyList<string> allowed = function.Anonymous ? [] : [Security.Roles.Admin, .. function.Roles];
        var tag = m.DeclaringType!.Namespace!.Split('.')[^1];
        document.Tags!.Add(new OpenApiTag { Name = tag });
        var operation = new OpenApiOperation
        {
            OperationId = function.Name,
            Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
            Description = $"Perfis: {(function.Anonymous ? "anônimo" : string.Join(", ", allowed))}."
                + (function.AllowsScrapeToken ? " Aceita também o token de coleta (Sap:Metrics:ScrapeToken) como Bearer." : ""),
            Extensions = new Dictionary<string, IOpenApiExtension> { ["x-roles"] = new JsonNodeExtension(new JsonArray([.. allowed.Select(r => (JsonNode)r)])) },
            Security = function.Anonymous ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }],
            Parameters = [.. Parameters(function)],
            Responses = [],
        };

        if (m.GetCustomAttribute<BodyAttribute>() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = Reference(document, body.Type, SapJson.Input) } },
            };
        }

        var returns = m.GetCustomAttribute<ReturnsAttribute>();
        operation.Responses[(returns?.Status ?? 200).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = returns?.Status == 201 ? "Criado (com Location)" : "Sucesso",
            Content = function.Name == "Metrics"
                ? new Dictionary<string, IOpenApiMediaType> { ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } }
                : new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = returns is null ? new OpenApiSchema() : Reference(document, returns.Type, SapJson.Options) } },
        };
        if (method == "GET" && !function.Anonymous && function.Name != "Metrics")
        {
            operation.Responses["304"] = new OpenApiResponse { Description = "Não modificado (If-None-Match com o ETag atual)" };
        }

        foreach (var (status, text) in Errors(function, method, operation))
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Problem, document) },
                },
            };
        }

        return operation;
    }

    private static IEnumerable<IOpenApiParameter> Parameters(FunctionEndpoint function)
    {
        foreach (Match match in RouteParameter().Matches(function.Route))
        {
            yield return new OpenApiParameter
            {
                Name = match.Groups[1].Value,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
            };
        }

        foreach (var query in function.Method.GetCustomAttributes<QueryParameterAttribute>())
        {
            yield return new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = query.Description,
                Schema = QuerySchema(query),
            };
        }
    }

    private static IEnumerable<(string Status, string Text)> Errors(FunctionEndpoint function, string method, OpenApiOperation operation)
    {
        if (operation.Parameters!.Count > 0 || operation.RequestBody is not null)
        {
            yield return ("400", "Parâmetro ou corpo inválido");
        }

        if (!function.Anonymous)
        {
            yield return ("401", "Token ausente ou inválido");
            yield return ("403", "Perfil sem permissão");
        }

        if (function.Route.Contains('{', StringComparison.Ordinal))
        {
            yield return ("404", "Não encontrado");
        }

        if (method != "GET")
        {
            yield return ("409", "Conflito com o estado ou duplicado");
            yield return ("413", "Corpo acima de 1 MiB");
            yield return ("422", "Regra de negócio violada");
        }

        if (!function.RateLimitExempt)
        {
            yield return ("429", "Limite de requisições por minuto excedido (Retry-After)");
        }

        yield return ("500", "Erro interno");
        yield return ("503", "Dependência fora do ar (Retry-After)");
    }

    private static OpenApiSchema QuerySchema(QueryParameterAttribute query)
    {
        var schema = query.Kind switch
        {
            "date" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (query.Values.Count > 0)
        {
            schema.Enum = [.. query.Values.Select(v => (JsonNode)v)];
        }

        if (query.Minimum != int.MinValue)
        {
            schema.Minimum = query.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (query.Maximum != int.MaxValue)
        {
            schema.Maximum = query.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return schema;
    }

    /// <summary>Registers the type's schema under components/schemas (once) and answers a reference to it.</summary>
    private static OpenApiSchemaReference Reference(OpenApiDocument document, Type type, JsonSerializerOptions options)
    {
        var name = type.Name;
        if (!document.Components!.Schemas!.ContainsKey(name))
        {
            var exported = options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, node) =>
                {
                    // Money goes through a converter the exporter cannot see into: it is a number with two decimals.
                    var t = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                    return t == typeof(decimal) ? new JsonObject { ["type"] = "number", ["multipleOf"] = 0.01 } : node;
                },
            });
            var schema = OpenApiModelFactory.Parse<OpenApiSchema>(exported.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
            document.Components.Schemas[name] = schema is not null && diagnostic?.Errors.Count is null or 0
                ? schema
                : throw new InvalidOperationException($"The JSON schema of {name} does not read as an OpenAPI schema: {string.Join("; ", diagnostic?.Errors ?? [])}");
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "detail", "request_id" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex RouteParameter();
}
