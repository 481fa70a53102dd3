namespace Sap.Domain.Clientes;

/// <summary>Brazilian taxpayer numbers: CPF (people, 11 digits) and CNPJ (companies, 14 digits).</summary>
public static class CpfCnpj
{
    private static readonly int[] CnpjFirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjSecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// The digits of a CPF or CNPJ written with or without its usual punctuation (". - /" and spaces),
    /// or null when the text holds anything else or the check digits are wrong.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(14);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('.' or '-' or '/' or ' '))
            {
                return null;
            }
        }

        var value = digits.ToString();
        return IsValid(value) ? value : null;
    }

    /// <summary>True for 11 or 14 digits whose check digits match; numbers of one repeated digit are refused.</summary>
    public static bool IsValid(string digits) => digits.Length switch
    {
        11 => AllDigits(digits) && !AllSame(digits) && IsValidCpf(digits),
        14 => AllDigits(digits) && !AllSame(digits) && IsValidCnpj(digits),
        _ => false,
    };

    /// <summary>The two check digits of a CPF's first nine digits.</summary>
    public static string CpfCheckDigits(ReadOnlySpan<char> nineDigits)
    {
        var first = CpfDigit(nineDigits, 10);
        Span<char> ten = stackalloc char[10];
        nineDigits.CopyTo(ten);
        ten[9] = (char)('0' + first);
        var second = CpfDigit(ten, 11);
        return string.Concat((char)('0' + first), (char)('0' + second));
    }

    /// <summary>The two check digits of a CNPJ's first twelve digits.</summary>
    public static string CnpjCheckDigits(ReadOnlySpan<char> twelveDigits)
    {
        var first = CnpjDigit(twelveDigits, CnpjFirstWeights);
        Span<char> thirteen = stackalloc char[13];
        twelveDigits.CopyTo(thirteen);
        thirteen[12] = (char)('0' + first);
        var second = CnpjDigit(thirteen, CnpjSecondWeights);
        return string.Concat((char)('0' + first), (char)('0' + second));
    }

    private static bool IsValidCpf(string d) => CpfCheckDigits(d.AsSpan(0, 9)) == d[9..];

    private static bool IsValidCnpj(string d) => CnpjCheckDigits(d.AsSpan(0, 12)) == d[12..];

    private static int CpfDigit(ReadOnlySpan<char> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * (firstWeight - i);
        }

        var rest = sum * 10 % 11;
        return rest == 10 ? 0 : rest;
    }

    private static int CnpjDigit(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    private static bool AllDigits(string s) => s.All(char.IsAsciiDigit);

    private static bool AllSame(string s) => s.All(c => c == s[0]);
}
