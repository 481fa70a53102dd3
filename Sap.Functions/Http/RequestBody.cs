using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Sap.Functions.Http;

/// <summary>A request body read whole (at most 1 MiB), with its hash for Idempotency-Key replays.</summary>
public sealed class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    private RequestBody(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    /// <exception cref="BadRequestBodyException">The body is over 1 MiB, or its framing is broken.</exception>
    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.WrittenCount + read > MaxBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk.AsSpan(0, read));
            }
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the bytes as they came (a chunk longer than its size line, a bad size line, a body
            // shorter than its Content-Length, or over the server's own limit): the client's request, not our failure.
            throw e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : new BadRequestBodyException("O corpo da requisição está malformado (Content-Length ou Transfer-Encoding).", tooLarge: false);
        }

        return new RequestBody(buffer.WrittenSpan.ToArray());
    }

    /// <exception cref="BadRequestBodyException">Empty, not JSON, or JSON of the wrong shape or types.</exception>
    public T Json<T>()
        where T : class
    {
        if (Bytes.Length == 0)
        {
            throw new BadRequestBodyException("O corpo da requisição é obrigatório (JSON).", tooLarge: false);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Bytes, SapJson.Input)
                ?? throw new BadRequestBodyException("O corpo da requisição deve ser um objeto JSON.", tooLarge: false);
        }
        catch (JsonException e)
        {
            throw new BadRequestBodyException($"JSON inválido{(e.Path is null ? "" : $" em {e.Path}")}: verifique os nomes, tipos e valores.", tooLarge: false, e.Path);
        }
    }

    private static BadRequestBodyException TooLarge() => new("O corpo da requisição excede 1 MiB.", tooLarge: true);

    /// <summary>The same request (method, path, body) hashes the same.</summary>
    public string Hash(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(Bytes);
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
