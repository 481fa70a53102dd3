using System.Collections;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sap.Domain.Data;

/// <summary>Stores a produto set on SQLite as the blob <see cref="SqliteBits"/> reads (BitArray packs bits the same way).</summary>
internal sealed class BitArrayBytesConverter() : ValueConverter<BitArray, byte[]>(
    v => ToBytes(v),
    v => new BitArray(v))
{
    private static byte[] ToBytes(BitArray bits)
    {
        var bytes = new byte[(bits.Length + 7) / 8];
        bits.CopyTo(bytes, 0);
        return bytes;
    }
}
