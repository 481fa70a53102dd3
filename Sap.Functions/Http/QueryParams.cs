using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Sap.Functions.Http;

/// <summary>
/// Reads query and route parameters strictly, collecting every error: a function reads what it needs, then
/// answers <see cref="Problem"/> if anything was wrong. Absent or empty values take the default.
/// </summary>
public sealed class QueryParams(HttpRequest request)
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public ProblemResponse Problem => Problems.Validation(errors);

    /// <summary>
    /// A date YYYY-MM-DD that exists in the calendar, from 1900 to 2100: a window is turned into instants (the day after
    /// the last one, in the business time zone), which the calendar's ends (0001-01-01, 9999-12-31) do not have.
    /// </summary>
    public DateOnly? Date(string name)
    {
        var text = Single(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Error<DateOnly?>(name, $"'{text}' não é uma data válida no formato AAAA-MM-DD.");
        }

        return date.Year is >= 1900 and <= 2100 ? date : Error<DateOnly?>(name, "Use uma data de 1900-01-01 a 2100-12-31.");
    }

    /// <summary>An integer within [min, max].</summary>
    public int? Number(string name, int min, int max)
    {
        var text = Single(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Error<int?>(name, $"Deve ser um número inteiro de {min} a {max}.");
    }

    /// <summary>One of the given values (exact match).</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> values)
    {
        var text = Single(name);
        return text is null || values.Contains(text)
            ? text
            : Error<string?>(name, $"Deve ser um destes valores: {string.Join(", ", values)}.");
    }

    /// <summary>Free text up to a length, without control characters (PostgreSQL text takes no NUL).</summary>
    public string? Text(string name, int maxLength)
    {
        var text = Single(name);
        return text is null ? null
            : text.Length > maxLength ? Error<string?>(name, $"Deve ter no máximo {maxLength} caracteres.")
            : text.Any(char.IsControl) ? Error<string?>(name, "Não pode conter caracteres de controle.")
            : text;
    }

    /// <summary>A positive 64-bit id (route value or query), refusing signs, spaces and overflow.</summary>
    public long Id(string name, string? text)
    {
        if (text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        return Error<long>(name, "Deve ser um número inteiro positivo.");
    }

    /// <summary>A route id, or a 400 right away.</summary>
    /// <exception cref="Sap.Domain.ValidationException">Not a positive 64-bit integer.</exception>
    public static long RouteId(string? text, string name = "id")
    {
        if (text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        throw new Sap.Domain.ValidationException(new Dictionary<string, string[]> { [name] = ["Deve ser um número inteiro positivo."] });
    }

    public void Add(string name, string message) => errors[name] = [.. errors.GetValueOrDefault(name, []), message];

    private string? Single(string name)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            return Error<string?>(name, "Informe o parâmetro uma única vez.");
        }

        var text = values.Count == 1 ? values[0] : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private T Error<T>(string name, string message)
    {
        Add(name, message);
        return default!;
    }
}
