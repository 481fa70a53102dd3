using System.Numerics;

namespace Sap.Domain.Data;

/// <summary>
/// Produto sets as SQLite blobs (bit n of byte n / 8, lowest bit first), and the functions that stand in for
/// PostgreSQL's bit varying operators: <c>sap_bit(n)</c>, <c>sap_bits_or(a, b)</c>, <c>sap_bits_count(a)</c> and the
/// aggregate <c>sap_bits_union(a)</c>. Blobs of different lengths combine as if padded with zeros.
/// </summary>
internal static class SqliteBits
{
    public static byte[] Of(IEnumerable<long> bits)
    {
        var set = bits.ToList();
        var bytes = new byte[set.Count == 0 ? 0 : (int)(set.Max() / 8) + 1];
        foreach (var bit in set)
        {
            bytes[bit / 8] |= (byte)(1 << (int)(bit % 8));
        }

        return bytes;
    }

    public static byte[]? Or(byte[]? a, byte[]? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var (longer, shorter) = a.Length >= b.Length ? (a, b) : (b, a);
        var result = (byte[])longer.Clone();
        for (var i = 0; i < shorter.Length; i++)
        {
            result[i] |= shorter[i];
        }

        return result;
    }

    public static int Count(byte[]? bits) => bits is null ? 0 : bits.Sum(b => BitOperations.PopCount(b));

    /// <summary>The set bits, lowest first.</summary>
    public static IEnumerable<long> Members(byte[] bits)
    {
        for (var i = 0; i < bits.Length * 8; i++)
        {
            if ((bits[i / 8] & (1 << (i % 8))) != 0)
            {
                yield return i;
            }
        }
    }
}
