using System.Globalization;

namespace Sap.Domain.Writes;

/// <summary>Collects field errors (field → messages) and throws them all at once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>A required text, trimmed, within [min, max] characters; null when invalid.</summary>
    public string? Text(string field, string? value, int min, int max, bool required = true)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, "Campo obrigatório.");
            }

            return null;
        }

        if (text.Length < min || text.Length > max)
        {
            Add(field, min == max || min <= 1 ? $"Deve ter no máximo {max} caracteres." : $"Deve ter de {min} a {max} caracteres.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            Add(field, "Não pode conter caracteres de controle.");
            return null;
        }

        return text;
    }

    /// <summary>Money: present, within [min, max], at most two decimals.</summary>
    public decimal Money(string field, decimal? value, decimal min, decimal max, bool required = true, bool positive = false)
    {
        if (value is not { } amount)
        {
            if (required)
            {
                Add(field, "Campo obrigatório.");
            }

            return 0m;
        }

        if (!Sap.Domain.Money.HasAtMostTwoDecimals(amount))
        {
            Add(field, "Use no máximo duas casas decimais.");
        }
        else if (positive ? amount <= 0 : amount < min)
        {
            Add(field, positive ? "Deve ser maior que zero." : $"Deve ser no mínimo {min.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (amount > max)
        {
            Add(field, $"Deve ser no máximo {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        // -0 is a JSON number like any other and equals 0, but keeps its sign bit, which decimal.IsNegative (and the
        // guards built on it) would take for a negative amount.
        return amount == 0m ? 0m : amount;
    }

    public int Number(string field, int? value, int min, int max)
    {
        if (value is not { } number)
        {
            Add(field, "Campo obrigatório.");
            return 0;
        }

        if (number < min || number > max)
        {
            Add(field, $"Deve estar entre {min} e {max}.");
        }

        return number;
    }

    public long Id(string field, long? value)
    {
        if (value is not { } id)
        {
            Add(field, "Campo obrigatório.");
            return 0;
        }

        if (id <= 0)
        {
            Add(field, "Deve ser um número inteiro positivo.");
        }

        return id;
    }

    /// <exception cref="ValidationException">Any error was added.</exception>
    public void ThrowIfInvalid()
    {
        if (HasErrors)
        {
            throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
