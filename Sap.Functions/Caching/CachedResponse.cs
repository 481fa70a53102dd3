using System.IO.Compression;
using System.Security.Cryptography;

namespace Sap.Functions.Caching;

/// <summary>
/// A read's response as cached: the JSON bytes ready to send, their entity tag and, for bodies worth it, the
/// same bytes gzip-compressed once, for the clients that accept it (browsers do).
/// </summary>
public sealed record CachedResponse(byte[] Body, string ETag, byte[]? Gzip = null)
{
    /// <summary>Below this size compressing saves too little to be worth the client's trouble.</summary>
    public const int CompressFrom = 1024;

    /// <summary>The entity tag of the gzip representation (a different representation, a different tag).</summary>
    public string GzipETag => ETag.Insert(ETag.Length - 1, "-gz");

    public static CachedResponse Of(byte[] body, bool compress)
    {
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(body), 0, 16)}\"";
        if (!compress || body.Length < CompressFrom)
        {
            return new CachedResponse(body, etag);
        }

        using var compressed = new MemoryStream(body.Length / 4);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return new CachedResponse(body, etag, compressed.ToArray());
    }
}
