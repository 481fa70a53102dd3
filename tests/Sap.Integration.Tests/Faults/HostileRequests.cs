using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sap.Functions.Hosting;
using Sap.Functions.OpenApi;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// Makes hostile requests over the app's own catalogue of functions (every route and method it serves, read from
/// functions.metadata as the hosts read it) plus routes and methods it does not serve. Request <c>i</c> of seed
/// <c>s</c> is always the same request: each is drawn from a generator seeded with (s, i) alone.
/// </summary>
public sealed class HostileRequests
{
    private const string Marker = "@@hostile-7c1e@@";

    private static readonly string[] AllRoles = ["ADMIN", "VENDEDOR", "FINANCEIRO", "LOGISTICA"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Kind, int Weight)[] Kinds =
    [
        ("valid", 6), ("mutated-field", 30), ("bad-json", 14), ("content-type", 5), ("path-trick", 10), ("query-trick", 10),
        ("unknown-route", 3), ("odd-method", 4), ("headers", 8), ("idempotency-key", 5), ("big-body", 1), ("raw", 4),
    ];

    private static readonly string[] Sql =
    [
        "'; DROP TABLE pedido;--", "1 OR 1=1", "' OR '1'='1", "1; DELETE FROM cliente", "Robert'); DROP TABLE cliente;--",
        "%' OR nome LIKE '%", "\\'; SELECT pg_sleep(5);--", "1) UNION SELECT usuario, chave FROM idempotency_key--", "$$; DROP TABLE outbox; $$",
    ];

    private static readonly string[] Script =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
        "<!--", "]]>", "%s%s%s%n", "{0}{1}", "__proto__", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
    ];

    private static readonly string[] Unicode =
    [
        "\0", "a\0b", "\u202eadmin\u202c", "\u200b\u200b", "🍺🍻", "👨‍👩‍👧‍👦", "e\u0301\u0301\u0301\u0301\u0301", "\ufeffBar", "\uffff", "\ufffe",
        "a\u2028b\u2029c", "Z̸̡̢͓̈́a̵͙͑l̷̰̈́g̴̞̈́o̶̬͝", "한국어 상호", "İstanbul", "𝟏𝟐𝟑", "١٢٣", "１２３", "ß", "\u00a0\u00a0", "\t\n\r", "\u0085", "\u001b[31mred",
        "ﷺ", "ᄀᄀᄀ", "\U0001F600", "x\u0000\u0000\u0000", "\\u0000",
    ];

    private static readonly string[] NumberFragments =
    [
        "1e308", "-1e308", "1e309", "-1e309", "1e-400", "99999999999999999999", "-99999999999999999999", "-0", "-0.0", "0.000000000000000000000000000001",
        "1.123456789012345678901234567890", "79228162514264337593543950336", "-79228162514264337593543950336", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483649", "0", "-1", "1.5", "1E2", "1e2", "12.345",
        "0.001", "1000000000.01", "999999999999.99",
    ];

    private static readonly string[] NotJsonNumbers = ["NaN", "Infinity", "-Infinity", "+1", "01", ".5", "5.", "0x10", "1_000", "--1", "1e", "١"];

    private static readonly string[] WrongTypes =
    [
        "\"abc\"", "\"32.50\"", "\"1\"", "true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "[null]", "[[[]]]", "{\"$ne\":null}",
    ];

    private static readonly string[] RawStrings =
    [
        "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\"", "\"\\udfff\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\x41\"", "\"\\u12\"",
        "\"\\u{1F37A}\"", "\"tab\there\"", "\"\\/\\/\"", "\"unterminated",
    ];

    private static readonly string[] Dates =
    [
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"2025-02-30T10:00:00Z\"", "\"2025-08-01T10:00:00\"", "\"2025-08-01\"", "\"1970-01-01T00:00:00Z\"", "\"1999-12-31T23:59:59Z\"",
        "\"2025-08-01T10:00:00.12345678901234567Z\"", "\"+002025-08-01T10:00:00Z\"", "\"2025-08-01T25:61:61Z\"", "\"ontem\"", "\"2025-W31\"",
        "\"2025-08-01T10:00:00+99:99\"",
    ];

    private static readonly string[] QueryDates =
    [
        "0001-01-01", "9999-12-31", "9999-12-30", "0000-00-00", "2025-02-29", "2024-02-29", "-0001-01-01", "2025-13-01", "2025-01-01T00:00:00Z",
        "2025-01-01%00", "1900-01-01", "2100-12-31", "20250101", "2025-1-1", "%E2%80%AE2025-01-01", "1899-12-31", "2101-01-01",
    ];

    private static readonly string[] QueryNumbers =
        ["99999999999999999999", "-1", "1e3", "0x1", "%201", "+1", "1.5", "01", "0", "2147483648", "-2147483649", "-0", "NaN", "١٢", "１２"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=latin1", "application/json; charset=\"><script>", "application/jsonp", "*/*", ";;;", "application/",
        "application/json; boundary=" + new string('b', 4000), "APPLICATION/JSON", "application/problem+json", "application/json, text/html",
    ];

    private static readonly string[] UnknownPaths =
    [
        "/", "/api", "/api/", "/favicon.ico", "/api/vendedor", "/api/pedidos", "/api/clientes/1/pedidos", "/api/apuracao/1/2/3", "/api/admin",
        "/api/.env", "/.git/config", "/api/health/", "/api/health.json", "/API/HEALTH", "/api/Health", "/apix/health", "/api/metrics/../health",
        "/api/pedidos/1/pagamentos/1", "/api/v2/vendedor/dashboard", "/api/vendedor/clientes/1/produtos/1", "/swagger", "/api/openapi.yaml",
        "/api/cache", "/api/cache/invalidate/all", "/api/pagamentos", "/api/pagamentos/1", "/robots.txt", "/server-status", "/actuator/health",
    ];

    private static readonly string[] Methods =
    [
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "Post", "M-SEARCH",
        new string('X', 100),
    ];

    private readonly int seed;
    private readonly IReadOnlyList<FunctionEndpoint> functions;
    private readonly IReadOnlyDictionary<string, long[]> ids;
    private readonly string authority;
    private readonly Dictionary<string, string?> callers;
    private readonly List<HostileRequest> keyed = [];
    private Random random = new(0);

    /// <param name="ids">Ids that exist, by the route segment that names them ("clientes", "produtos", "pedidos", "pagamentos",
    /// "apuracao") and "itens" for item_pedido.</param>
    public HostileRequests(int seed, IReadOnlyList<FunctionEndpoint> functions, IReadOnlyDictionary<string, long[]> ids, TestTokens tokens, string authority)
    {
        this.seed = seed;
        this.functions = functions;
        this.ids = ids;
        this.authority = authority;
        var hour = tokens.Now.AddHours(1);
        callers = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["no-roles"] = "Bearer " + tokens.Create(includeRoles: false, expires: hour),
            ["empty-roles"] = "Bearer " + tokens.Create(roles: [], expires: hour),
            ["unknown-role"] = "Bearer " + tokens.Create(["GERENTE"], expires: hour),
            ["long-subject"] = "Bearer " + tokens.Create(["ADMIN"], expires: hour, subject: new string('s', 300)),
            ["nul-subject"] = "Bearer " + tokens.Create(["ADMIN"], expires: hour, subject: "a\0b"),
            ["unicode-subject"] = "Bearer " + tokens.Create(["ADMIN"], expires: hour, subject: "Zé 🍺 \u202e"),
            ["surrogate-subject"] = "Bearer " + tokens.Create(["ADMIN"], expires: hour, subject: "a\ud800b"),
            ["lowercase-scheme"] = "bearer " + tokens.Create(["ADMIN"], expires: hour),
            ["garbage"] = "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes("not a token at all")),
            ["oversized"] = "Bearer " + new string('a', 9000),
            ["bearer-only"] = "Bearer",
        };
        foreach (var role in AllRoles)
        {
            callers[role] = "Bearer " + tokens.Create([role], expires: hour);
        }

        foreach (var kind in TestTokens.BadKinds)
        {
            callers[kind] = tokens.BadAuthorization(kind);
        }
    }

    /// <summary>The functions that take a JSON body the generator has no valid template for (it should have one for each).</summary>
    public IEnumerable<string> Untemplated() =>
        functions.Where(f => f.Method.GetCustomAttribute<BodyAttribute>() is not null && Template(f) is null).Select(f => f.Name);

    public HostileRequest Create(int index)
    {
        random = new Random(Mix(seed, index));
        var kind = Weighted(Kinds);
        return kind switch
        {
            "valid" => Valid(index, kind, Any()),
            "mutated-field" => Mutated(index, kind),
            "bad-json" => BadJson(index, kind),
            "content-type" => Valid(index, kind, Writer()) with { ContentType = Maybe(0.15) ? null : Pick(ContentTypes) },
            "path-trick" => PathTrick(index, kind),
            "query-trick" => QueryTrick(index, kind),
            "unknown-route" => UnknownRoute(index, kind),
            "odd-method" => OddMethod(index, kind),
            "headers" => OddHeaders(index, kind),
            "idempotency-key" => IdempotencyKey(index, kind),
            "big-body" => BigBody(index, kind),
            _ => RawRequest(index, kind),
        };
    }

    private HostileRequest Valid(int index, string kind, FunctionEndpoint function)
    {
        var (caller, authorization) = Caller(function);
        var method = Pick(function.HttpMethods);
        var body = Template(function)?.ToJsonString(Relaxed);
        return new HostileRequest(index, kind, method, Target(function) + ValidQuery(function), body is null ? null : Encoding.UTF8.GetBytes(body),
            body is null ? null : "application/json", [], caller, authorization);
    }

    /// <summary>A valid body with one place made hostile: a value replaced, a property removed, renamed or added.</summary>
    private HostileRequest Mutated(int index, string kind)
    {
        var function = Writer(withBody: true);
        var request = Valid(index, kind, function);
        var body = Template(function)!;
        var slots = Slots(body).ToList();
        var (parent, key, position) = Pick(slots);
        var fragment = HostileValue();
        var operation = random.Next(10);
        if (operation < 7 || key is null)
        {
            Set(parent, key, position, JsonValue.Create(Marker));
        }
        else if (operation == 7)
        {
            ((JsonObject)parent).Remove(key);
        }
        else if (operation == 8)
        {
            ((JsonObject)parent)[Pick(["__proto__", "constructor", "$where", "nome\u0000", "NOME", "clienteId", "", " ", "id", "status", "valor_total"])] =
                JsonValue.Create(Marker);
        }
        else
        {
            var value = ((JsonObject)parent)[key];
            ((JsonObject)parent).Remove(key);
            ((JsonObject)parent)[Pick([key.ToUpperInvariant(), key.Replace("_", "", StringComparison.Ordinal), key + " ", "\"" + key, key + "\u0000"])] = value?.DeepClone();
        }

        var text = body.ToJsonString(Relaxed).Replace($"\"{Marker}\"", fragment, StringComparison.Ordinal);
        return request with { Body = Encoding.UTF8.GetBytes(text), Kind = $"{kind}:{function.Name}" };
    }

    private HostileRequest BadJson(int index, string kind)
    {
        var function = Maybe(0.9) ? Writer(withBody: true) : Any();
        var request = Valid(index, kind, function);
        var text = (Template(function) ?? new JsonObject { ["a"] = 1 }).ToJsonString(Relaxed);
        var bytes = Encoding.UTF8.GetBytes(text);
        var variant = random.Next(20);
        byte[] body = variant switch
        {
            0 => bytes[..random.Next(1, bytes.Length)],
            1 => [.. bytes, .. Encoding.UTF8.GetBytes(Pick(["}", "]", ",", "x", " {}", "\0", "{\"a\":1}", "\n\n\n garbage", "\"", "//"]))],
            2 => Encoding.UTF8.GetBytes(Nest(Pick([17, 64, 1000, 100_000]), Maybe(0.5))),
            3 => Encoding.UTF8.GetBytes(text.Insert(1, $"{FirstKey(text)}:{HostileValue()},")),
            4 => [0xEF, 0xBB, 0xBF, .. bytes],
            5 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            6 => Encoding.BigEndianUnicode.GetBytes(text),
            7 => Encoding.UTF32.GetBytes(text),
            8 => Encoding.UTF8.GetBytes(ReplaceFirstNumber(text, Pick(NotJsonNumbers))),
            9 => Encoding.UTF8.GetBytes(text.Insert(1, Pick(["/* comment */", "// comment\n", "\u00a0", "\u2028"]))),
            10 => Encoding.UTF8.GetBytes(text[..^1] + ",}"),
            11 => Encoding.UTF8.GetBytes(text.Replace('"', '\'')),
            12 => Encoding.UTF8.GetBytes(text.Replace("\"", "", StringComparison.Ordinal)),
            13 => InsertBytes(bytes, Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0x01]])),
            14 => Encoding.UTF8.GetBytes(Pick(["[]", "null", "\"x\"", "1", "true", "[{}]", "", "   ", "{}", "\0", "{", "}", "[", "\"\\ud800\""])),
            15 => Encoding.UTF8.GetBytes("nome=Bar&cliente_id=1&itens[0][produto_id]=1"),
            16 => Encoding.UTF8.GetBytes(text + text),
            17 => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><pedido><cliente_id>1</cliente_id></pedido>"),
            18 => Encoding.UTF8.GetBytes(text.Insert(1, $"\"{Marker}\":{{{string.Concat(Enumerable.Range(0, 5000).Select(i => $"\"k{i}\":{i},"))}\"z\":0}},")),
            _ => Encoding.UTF8.GetBytes(text.Replace(":", ": " + new string(' ', 1000), StringComparison.Ordinal)),
        };
        return request with { Body = body, ContentType = request.ContentType ?? "application/json", Kind = $"{kind}:{variant}" };
    }

    private HostileRequest PathTrick(int index, string kind)
    {
        var function = Any();
        var request = Valid(index, kind, function);
        var target = Target(function);
        string Trick() => Pick(
        [
            "0", "-1", "-0", "+1", "1.0", "1e3", "0x1F", "%201", "1%20", "9223372036854775807", "9223372036854775808", "99999999999999999999",
            "-9223372036854775809", new string('9', 5000), new string('1', 20_000), "abc", "null", "undefined", "NaN", "١٢٣", "１２３", "%00", "1%00",
            "%2e%2e", "..", ".", "%2F", "1%2F2", "%252e%252e", "%25", "%zz", "%", "%c0%ae%c0%ae", "%F0%9F%8D%BA", "🍺", "'; DROP TABLE pedido;--",
            "%27%3B%20DROP%20TABLE%20pedido%3B--", "<script>alert(1)</script>", "%3Cscript%3E", "{id}", "*", "%0d%0aSet-Cookie:%20x=1", "1;x=1",
        ]);
        target = random.Next(9) switch
        {
            0 or 1 or 2 when function.Route.Contains("{id}", StringComparison.Ordinal) =>
                "/api/" + function.Route.Replace("{id}", Trick(), StringComparison.Ordinal),
            3 => InsertAtSlash(target, Pick(["../", "%2e%2e/", "..%2f", "./", "%2e/", "..;/", ".%2e/", "%252e%252e%252f", "....//", "..\\"])),
            4 => target.Replace("/", Pick(["//", "/./", "\\", "%2F"]), StringComparison.Ordinal),
            5 => target.ToUpperInvariant(),
            6 => target + Pick(["/", "/.", "%20", ";x=1", "?", "%00", "%23frag", "/..", "/%2e%2e", "~", ".json"]),
            7 => "/api/api/" + target[5..] + (Maybe(0.5) ? "" : "/" + new string('a', 9000)),
            _ => "/%61pi/" + target[5..],
        };
        return request with { Target = target + ValidQuery(function), Kind = $"{kind}:{function.Name}" };
    }

    private HostileRequest QueryTrick(int index, string kind)
    {
        var function = Maybe(0.8) ? Pick(functions.Where(f => f.HttpMethods.Contains("GET")).ToList()) : Any();
        var request = Valid(index, kind, function);
        var parameters = function.Method.GetCustomAttributes<QueryParameterAttribute>().ToList();
        var query = new StringBuilder();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var parameter = parameters.Count > 0 && Maybe(0.8) ? Pick(parameters) : null;
            var name = parameter?.Name ?? Pick(["q", "limite", "__proto__", "a[]", "%00", "", "periodo[]", "mes", "ano", "x"]);
            query.Append(query.Length == 0 ? '?' : Pick(["&", "&", "&", ";", "&&"])).Append(name);
            if (Maybe(0.9))
            {
                query.Append('=').Append(QueryValue(parameter));
            }
        }

        return request with { Target = Target(function) + query, Kind = $"{kind}:{function.Name}" };
    }

    /// <summary>Half the time a value that is hostile for the parameter's own kind (a date at the calendar's ends, a number past int).</summary>
    private string QueryValue(QueryParameterAttribute? parameter) => (parameter?.Kind, random.Next(2)) switch
    {
        ("date", 0) => Pick(QueryDates),
        ("integer", 0) => Pick(QueryNumbers),
        _ => random.Next(8) switch
        {
            0 => Uri.EscapeDataString(Pick(Sql)),
            1 => Uri.EscapeDataString(Pick(Script)),
            2 => Uri.EscapeDataString(Pick(Unicode)),
            3 => Pick(["%zz", "%", "%ff", "%c0%80", "%00", "%ed%a0%80", "%fe%ff", "a%00b", "+", "%2B", "%20%20", "%0a", "%0d%0a", "%u0041"]),
            4 => Pick(QueryNumbers),
            5 => Pick(QueryDates),
            6 => new string(Pick(['a', '9', '%']), Pick([101, 500, 2000, 7000, 20_000])),
            _ => Pick(["todos", "ultimo_mes", "7", "15", "30", "TODOS", "", "bar", "8", "2025", "12"]),
        },
    };

    private HostileRequest UnknownRoute(int index, string kind)
    {
        var request = Valid(index, kind, Any());
        var path = Maybe(0.7) ? Pick(UnknownPaths) : "/api/" + Uri.EscapeDataString(Pick([.. Sql, .. Script, .. Unicode, "x"])) + "/" + random.Next();
        return request with { Method = Pick(Methods[..7]), Target = path };
    }

    private HostileRequest OddMethod(int index, string kind)
    {
        var function = Any();
        var request = Valid(index, kind, function);
        var method = Pick(Methods.Where(m => !function.HttpMethods.Contains(m)).ToList());
        return request with { Method = method, Kind = $"{kind}:{function.Name}" };
    }

    private HostileRequest OddHeaders(int index, string kind)
    {
        var request = Valid(index, kind, Any());
        var variant = random.Next(12);
        List<KeyValuePair<string, string>> headers = variant switch
        {
            0 => [new("X-Request-ID", Pick([new string('a', 65), new string('b', 10_000), "abc def", "<script>", "'; DROP TABLE pedido;--", "zé-🍺",
                "", "../../etc", "%0d%0aSet-Cookie:x", "-", ".", "_", new string('c', 64), "\u202eabc", "a,b"]))],
            1 => [new("X-Request-ID", "first-id"), new("X-Request-ID", "second-id")],
            2 => [new("X-Padding", new string('p', Pick([8_000, 40_000, 70_000])))],
            3 => [.. Enumerable.Range(0, Pick([60, 120])).Select(i => new KeyValuePair<string, string>($"X-Many-{i}", "v"))],
            4 => [new("Accept", Pick(["application/xml", "*/*;q=abc", "text/html", "application/json;q=0", new string('a', 5000), "🍺/🍺"]))],
            5 => [new("Accept-Encoding", Pick(["gzip", "br", "gzip;q=abc", "identity;q=0", "*;q=0", "gzip;q=", "gzip;q=1e400", "GZIP", ",,,,",
                "gzip, gzip", string.Join(", ", Enumerable.Repeat("deflate", 500)), "gzip;q=0.5;q=1", "x-gzip", "\"gzip\""]))],
            6 => [new("If-None-Match", Pick(["*", "\"abc\"", "W/\"x\"", new string('"', 3000), "\"", "🍺", string.Join(", ", Enumerable.Repeat("\"e\"", 500)), ""]))],
            7 => [new("X-Forwarded-For", "127.0.0.1, ::1, <script>"), new("X-Forwarded-Host", "evil.example"), new("X-Forwarded-Proto", "gopher")],
            8 => [new("Cookie", "session=" + new string('c', 10_000)), new("Referer", "javascript:alert(1)")],
            9 => [new("Expect", "100-continue")],
            10 => [new("Content-Encoding", Pick(["gzip", "br", "deflate", "identity", "x-unknown"]))],
            _ => [new("X-Request-ID", Pick(["абв", "名前", "\u00ff\u00fe"])), new("User-Agent", "🍺 " + new string('u', 3000))],
        };
        return request with { Headers = headers, Kind = $"{kind}:{variant}", Chunked = variant == 9 && request.Body is not null };
    }

    private HostileRequest IdempotencyKey(int index, string kind)
    {
        var request = Valid(index, kind, Writer(withBody: Maybe(0.8)));
        var variant = random.Next(6);
        if (variant == 0 && keyed.Count > 0)
        {
            // The same request again with its key: a replay of the first answer, never a second write.
            return Pick(keyed) with { Index = index, Kind = kind + ":replay" };
        }

        if (variant == 1 && keyed.Count > 0)
        {
            var first = Pick(keyed);
            return request with { Headers = first.Headers, Kind = kind + ":reused-for-another-request" };
        }

        if (variant is 2 or 3)
        {
            var fresh = request with { Headers = [new("Idempotency-Key", $"fuzz-{seed}-{index}")], Kind = kind + ":fresh" };
            keyed.Add(fresh);
            return fresh;
        }

        var key = Pick([new string('k', 201), new string('k', 200), "chave com espaço", "chave-🍺", "", "a,b", "<script>", "'; DROP TABLE idempotency_key;--",
            "..", "%00", new string('k', 10_000)]);
        return request with { Headers = [new("Idempotency-Key", key)], Kind = kind + ":odd" };
    }

    private HostileRequest BigBody(int index, string kind)
    {
        var request = Valid(index, kind, Maybe(0.85) ? Writer() : Any());
        var size = Maybe(0.8) ? 2 * 1024 * 1024 : Pick([(1024 * 1024) + 1, 1024 * 1024, 5 * 1024 * 1024, 16 * 1024 * 1024]);
        var variant = random.Next(3);
        var body = variant switch
        {
            0 => Encoding.UTF8.GetBytes($"{{\"nome\":\"{new string('a', Math.Max(0, size - 12))}\"}}"),
            1 => [.. Enumerable.Repeat((byte)' ', size - 2), (byte)'{', (byte)'}'],
            _ => RandomBytes(size),
        };
        return request with
        {
            Body = body,
            ContentType = "application/json",
            Chunked = Maybe(0.3),
            Kind = $"{kind}:{size}",
        };
    }

    /// <summary>Requests written byte by byte: what HttpClient refuses to send (CR/LF in headers, broken framing, bad request lines).</summary>
    private HostileRequest RawRequest(int index, string kind)
    {
        var admin = callers["ADMIN"];
        var clientes = """{"nome":"Bar Cru"}""";
        var (name, text) = Pick<(string, string)>(
        [
            ("crlf-in-request-id", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nX-Request-ID: abc\r\nSet-Cookie: injected=1\r\nConnection: close\r\n\r\n"),
            ("crlf-in-idempotency-key", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nIdempotency-Key: k1\r\nX-Injected: 1\r\nContent-Type: application/json\r\nContent-Length: {clientes.Length}\r\nConnection: close\r\n\r\n{clientes}"),
            ("bare-cr", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nX-Request-ID: abc\rInjected: 1\r\nConnection: close\r\n\r\n"),
            ("bare-lf", "GET /api/health HTTP/1.1\nHost: {H}\nConnection: close\n\n"),
            ("obs-fold", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nX-Request-ID: abc\r\n  folded\r\nConnection: close\r\n\r\n"),
            ("nul-in-header", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nX-Request-ID: a\0b\r\nConnection: close\r\n\r\n"),
            ("space-in-target", $"GET /api/vendedor/clientes/1 2 HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nConnection: close\r\n\r\n"),
            ("absolute-form", "GET http://evil.example/api/health HTTP/1.1\r\nHost: {H}\r\nConnection: close\r\n\r\n"),
            ("dot-segments", $"GET /api/vendedor/clientes/../../../../etc/passwd HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nConnection: close\r\n\r\n"),
            ("content-length-and-chunked", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"),
            ("two-content-lengths", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{{}}"),
            ("negative-content-length", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n{{}}"),
            ("bad-chunk-size", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"),
            ("bad-chunk-extension", $"POST /api/pedidos HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2;ext=\"open\r\n{{}}\r\n0\r\n\r\n"),
            ("chunk-longer-than-said", $"POST /api/produtos HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{clientes}\r\n0\r\n\r\n"),
            ("gzip-transfer-encoding", $"POST /api/clientes HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n{clientes}"),
            ("bad-header-name", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nX Bad: 1\r\nConnection: close\r\n\r\n"),
            ("header-without-colon", "GET /api/health HTTP/1.1\r\nHost: {H}\r\nNoColonHere\r\nConnection: close\r\n\r\n"),
            ("non-utf8-path", $"GET /api/vendedor/clientes/\u00ff\u00fe HTTP/1.1\r\nHost: {{H}}\r\nAuthorization: {admin}\r\nConnection: close\r\n\r\n"),
            ("http10-without-host", "GET /api/health HTTP/1.0\r\n\r\n"),
            ("unknown-http-version", "GET /api/health HTTP/9.9\r\nHost: {H}\r\nConnection: close\r\n\r\n"),
            ("lowercase-method", "get /api/health HTTP/1.1\r\nHost: {H}\r\nConnection: close\r\n\r\n"),
            ("long-request-line", $"GET /api/{new string('a', 20_000)} HTTP/1.1\r\nHost: {{H}}\r\nConnection: close\r\n\r\n"),
            ("huge-header", $"GET /api/health HTTP/1.1\r\nHost: {{H}}\r\nX-Big: {new string('x', 70_000)}\r\nConnection: close\r\n\r\n"),
            ("no-request-line", "\r\n\r\n\r\n"),
            ("binary", Encoding.Latin1.GetString(RandomBytes(200))),
            ("tls-hello-on-http", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"),
        ]);
        return new HostileRequest(index, $"{kind}:{name}", "RAW", "", null, null, [], "as written", null,
            Raw: Encoding.Latin1.GetBytes(text.Replace("{H}", authority, StringComparison.Ordinal)), EndsEarly: NeverARequest(name));
    }

    /// <summary>Raw requests whose bytes never make a request line: the server can only drop them once the client is done.</summary>
    private static bool NeverARequest(string raw) => raw is "binary" or "no-request-line" or "tls-hello-on-http";

    /// <summary>A valid body for each function that takes one; aimed at rows that exist.</summary>
    private JsonObject? Template(FunctionEndpoint function) => function.Name switch
    {
        "CriarCliente" or "AtualizarCliente" => new JsonObject
        {
            ["nome"] = $"Bar Fuzz {random.Next():x}",
            ["fantasia"] = "Boteco do Fuzz",
            ["endereco"] = "Rua das Flores, 100",
            ["cidade"] = "Campinas",
            ["cpf_cnpj"] = Pick(["529.982.247-25", "52998224725", "11.222.333/0001-81", null]),
            ["telefone"] = "(19) 3232-4545",
        },
        "CriarProduto" or "AtualizarProduto" => new JsonObject
        {
            ["nome"] = $"Produto Fuzz {random.Next():x}",
            ["codigo_interno"] = $"FZ-{random.Next():x}",
            ["categoria"] = Pick(["CERVEJA", "NAB", "OUTROS"]),
            ["preco_medio_compra"] = Money(),
            ["ean"] = random.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
        },
        "CriarPedido" => new JsonObject { ["cliente_id"] = Id("clientes"), ["data"] = RecentInstant(), ["itens"] = Itens() },
        "AtualizarPedido" => new JsonObject { ["itens"] = Itens() },
        "RegistrarPagamento" => new JsonObject
        {
            ["valor"] = Money(),
            ["metodo_pagamento"] = Pick(["Pix", "Dinheiro", "Cartão"]),
            ["id_transacao"] = $"TX-{random.Next():x}",
            ["data_pagamento"] = RecentInstant(),
            ["observacoes"] = "pago no balcão",
        },
        "RegistrarColeta" => new JsonObject
        {
            ["nome_retirada"] = "João da Silva",
            ["documento_retirada"] = "1234567",
            ["itens"] = new JsonArray(new JsonObject { ["item_pedido_id"] = Id("itens"), ["quantidade"] = 1 }),
            ["observacoes"] = "retirada no depósito",
            ["nome_conferente"] = "Maria",
            ["cpf_conferente"] = "52998224725",
        },
        "CriarApuracao" => PastMonth() is var month ? Verbas(("mes", month.Month), ("ano", month.Year)) : null,
        "AtualizarApuracao" => Verbas(("recalcular", Maybe(0.5))),
        "CacheInvalidate" => new JsonObject
        {
            ["tags"] = new JsonArray("vendas"),
            ["events"] = new JsonArray(new JsonObject
            {
                ["type"] = "pedido.criado",
                ["data"] = new JsonObject { ["pedido_id"] = Id("pedidos"), ["cliente_id"] = Id("clientes") },
            }),
            ["all"] = false,
        },
        _ => null,
    };

    private JsonObject Verbas(params (string Name, JsonNode Value)[] more)
    {
        var body = new JsonObject();
        foreach (var (name, value) in more)
        {
            body[name] = value;
        }

        foreach (var verba in new[] { "verba_scann", "verba_plano_negocios", "verba_time_ambev", "verba_outras_receitas", "outros_custos" })
        {
            body[verba] = Money();
        }

        return body;
    }

    private JsonArray Itens() => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode)new JsonObject
    {
        ["produto_id"] = Id("produtos"),
        ["quantidade"] = random.Next(1, 5),
        ["preco_venda"] = Money(),
    })];

    /// <summary>A hostile value as JSON text: numbers out of range, wrong types, strange or long strings, odd dates.</summary>
    private string HostileValue() => random.Next(9) switch
    {
        0 => Pick(NumberFragments),
        1 => Pick(NotJsonNumbers),
        2 => Pick(WrongTypes),
        3 => Pick(RawStrings),
        4 => Pick(Dates),
        5 => JsonSerializer.Serialize(Pick(Sql), Relaxed),
        6 => JsonSerializer.Serialize(Pick(Script), Relaxed),
        7 => JsonSerializer.Serialize(Pick(Unicode), Maybe(0.5) ? Relaxed : JsonSerializerOptions.Default),
        _ => JsonSerializer.Serialize(LongString(), Relaxed),
    };

    private string LongString()
    {
        var length = Pick([256, 1001, 10_000, 100_000, 500_000, 1_000_000]);
        var unit = Pick(["a", "ç", "🍺", "e\u0301", "한", " ", "'", "\\"]);
        return new StringBuilder(length).Insert(0, unit, Math.Max(1, length / unit.Length)).ToString();
    }

    private (string Caller, string? Authorization) Caller(FunctionEndpoint function)
    {
        var allowed = function.Anonymous ? AllRoles : ["ADMIN", .. function.Roles];
        var draw = random.Next(100);
        var caller = draw switch
        {
            < 62 => Pick(allowed),
            < 70 => "ADMIN",
            < 75 => AllRoles.Except(allowed).ToList() is { Count: > 0 } forbidden ? Pick(forbidden) : "no-roles",
            < 79 => Pick(["no-roles", "empty-roles", "unknown-role"]),
            < 84 => Pick(["long-subject", "nul-subject", "unicode-subject", "surrogate-subject", "lowercase-scheme"]),
            _ => Pick([.. TestTokens.BadKinds, "garbage", "oversized", "bearer-only"]),
        };
        return (caller, callers[caller]);
    }

    private string Target(FunctionEndpoint function)
    {
        var route = function.Route;
        var brace = route.IndexOf("/{id}", StringComparison.Ordinal);
        if (brace >= 0)
        {
            var pool = route[..brace].Split('/')[^1];
            route = route.Replace("{id}", Id(pool).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return "/api/" + route;
    }

    private string ValidQuery(FunctionEndpoint function)
    {
        var parameters = function.Method.GetCustomAttributes<QueryParameterAttribute>().Where(_ => Maybe(0.5)).ToList();
        return parameters.Count == 0 ? "" : "?" + string.Join("&", parameters.Select(p => $"{p.Name}={ValidValue(p)}"));
    }

    private string ValidValue(QueryParameterAttribute parameter) => parameter switch
    {
        { Values.Count: > 0 } => Pick(parameter.Values),
        { Kind: "date" } => Seed.Today.AddDays(-random.Next(400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { Name: "ano" } => Seed.Today.Year.ToString(CultureInfo.InvariantCulture),
        { Name: "mes" } => random.Next(1, Seed.Today.Month + 1).ToString(CultureInfo.InvariantCulture),
        { Kind: "integer" } => random.Next(parameter.Minimum, Math.Min(parameter.Maximum, 1000) + 1).ToString(CultureInfo.InvariantCulture),
        _ => Uri.EscapeDataString(Pick(["bar", "zé", "a", "boteco"])),
    };

    private long Id(string pool) => ids.TryGetValue(pool, out var known) && known.Length > 0 && Maybe(0.9) ? Pick(known) : random.Next(1, 1000);

    private decimal Money() => random.Next(1, 100_000) / 100m;

    /// <summary>A moment of the last 60 days as São Paulo writes it (with its offset), never after now.</summary>
    private string RecentInstant()
    {
        var instant = Seed.Past(Seed.Today.AddDays(-random.Next(0, 60)), 9, 30);
        return new DateTimeOffset(instant).ToOffset(Seed.SaoPaulo.GetUtcOffset(instant)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private DateOnly PastMonth() => Seed.Today.AddMonths(-random.Next(0, 24));

    private FunctionEndpoint Any() => Pick(functions);

    private FunctionEndpoint Writer(bool withBody = false) =>
        Pick(functions.Where(f => !f.HttpMethods.Contains("GET") && (!withBody || f.Method.GetCustomAttribute<BodyAttribute>() is not null)).ToList());

    private static IEnumerable<(JsonNode Parent, string? Key, int Position)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    yield return (o, key, -1);
                    if (value is JsonObject or JsonArray)
                    {
                        foreach (var slot in Slots(value))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    if (a[i] is JsonObject or JsonArray)
                    {
                        foreach (var slot in Slots(a[i]!))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void Set(JsonNode parent, string? key, int position, JsonNode value)
    {
        if (key is not null)
        {
            parent[key] = value;
        }
        else
        {
            parent[position] = value;
        }
    }

    private static string Nest(int depth, bool arrays) =>
        arrays ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string FirstKey(string json) => json[1..(json.IndexOf(':', StringComparison.Ordinal))];

    private static string ReplaceFirstNumber(string json, string replacement)
    {
        var match = System.Text.RegularExpressions.Regex.Match(json, @"(?<=:)-?\d+(\.\d+)?");
        return match.Success ? json[..match.Index] + replacement + json[(match.Index + match.Length)..] : json.Insert(1, $"\"valor\":{replacement},");
    }

    private static string InsertAtSlash(string path, string insert)
    {
        var slashes = path.Select((c, i) => (c, i)).Where(x => x.c == '/' && x.i > 0).Select(x => x.i + 1).ToList();
        var at = slashes.Count == 0 ? path.Length : slashes[slashes.Count / 2];
        return path.Insert(at, insert);
    }

    private byte[] InsertBytes(byte[] bytes, byte[] insert)
    {
        var quote = Array.IndexOf(bytes, (byte)'"', Math.Min(bytes.Length - 1, 1 + random.Next(Math.Max(1, bytes.Length - 1))));
        var at = quote < 0 ? bytes.Length / 2 : quote + 1;
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>SplitMix64 over (seed, index): neighbouring indexes get unrelated generators (System.Random's are alike for close seeds).</summary>
    private static int Mix(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    private bool Maybe(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Weighted((string Kind, int Weight)[] kinds)
    {
        var draw = random.Next(kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in kinds)
        {
            if ((draw -= weight) < 0)
            {
                return kind;
            }
        }

        return kinds[^1].Kind;
    }
}
