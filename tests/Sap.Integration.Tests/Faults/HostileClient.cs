using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sap.Integration.Tests.Faults;

/// <summary>
/// Sends <see cref="HostileRequest"/>s to one server, one at a time: through HttpClient where it will send them as
/// they are (paths are not canonicalized, so "../" and "%2e%2e" reach the server), over a bare socket where it will
/// not (a target the URI parser refuses, or a request written byte by byte).
/// </summary>
public sealed class HostileClient(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly UriCreationOptions AsWritten = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        // Header values leave as UTF-8 bytes, as a client other than a browser may send them.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = Patience };

    public async Task<HostileResponse> SendAsync(HostileRequest request)
    {
        if (request.Raw is not null)
        {
            return await SendRawAsync(request.Raw, request.EndsEarly);
        }

        HttpRequestMessage message;
        try
        {
            message = Build(request);
        }
        catch (UriFormatException)
        {
            return await SendRawAsync(Frame(request), endsEarly: false);
        }

        using (message)
        {
            try
            {
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsByteArrayAsync();
                var headers = response.Headers.Concat(response.Content.Headers)
                    .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                return new HostileResponse((int)response.StatusCode, headers, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return HostileResponse.NoAnswer($"{e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
            }
        }
    }

    public void Dispose() => client.Dispose();

    private HttpRequestMessage Build(HostileRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + request.Target, in AsWritten));
        if (request.Body is not null || request.ContentType is not null)
        {
            var body = request.Body ?? [];
            message.Content = request.Chunked ? new UnsizedContent(body) : new ByteArrayContent(body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>The request written out by hand, for targets the URI parser will not take.</summary>
    private byte[] Frame(HostileRequest request)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n");
        if (request.Authorization is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Authorization: {request.Authorization}\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (request.ContentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {request.ContentType}\r\n");
        }

        var body = request.Body ?? [];
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. body];
    }

    /// <summary>
    /// Writes the bytes, then reads until the server closes (every raw request asks for that) or patience runs out. A
    /// request that ends early is followed by a half-close: bytes that never make a request (no line end, only blank
    /// lines) are then dropped at once instead of waiting out the server's header timeout. (Not for the others: Kestrel
    /// may take the client's FIN for an abort and drop its answer.)
    /// </summary>
    private async Task<HostileResponse> SendRawAsync(byte[] bytes, bool endsEarly)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(Patience);
        var received = new MemoryStream();
        try
        {
            await socket.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
            try
            {
                await socket.SendAsync(bytes, timeout.Token);
                if (endsEarly)
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (SocketException)
            {
                // The server may answer and close before it has read everything: the answer is still there to read.
            }

            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            if (received.Length == 0)
            {
                return HostileResponse.NoAnswer($"{e.GetType().Name}: {e.Message}");
            }
        }

        return received.Length == 0 ? HostileResponse.NoAnswer("closed without an answer") : Parse(received.ToArray());
    }

    /// <summary>The first response in the bytes: status line, headers, body (de-chunked).</summary>
    private static HostileResponse Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return HostileResponse.NoAnswer($"not an HTTP response: {HostileRequest.Shorten(Encoding.Latin1.GetString(bytes), 200)}");
        }

        var lines = Encoding.UTF8.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
        var rest = bytes.AsSpan(end + 4);
        if (headers.TryGetValue("Content-Length", out var length))
        {
            rest = rest[..Math.Min(rest.Length, int.Parse(length, CultureInfo.InvariantCulture))];
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return new HostileResponse(status, headers, Dechunk(rest));
        }

        return new HostileResponse(status, headers, rest.ToArray());
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var body = new MemoryStream();
        while (chunked.IndexOf("\r\n"u8) is var line and >= 0)
        {
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked[..line]).Split(';')[0].Trim(), 16);
            chunked = chunked[(line + 2)..];
            if (size == 0 || size > chunked.Length)
            {
                break;
            }

            body.Write(chunked[..size]);
            chunked = chunked[Math.Min(chunked.Length, size + 2)..];
        }

        return body.ToArray();
    }

    /// <summary>A body sent without Content-Length (chunked), as a streaming client sends it.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
