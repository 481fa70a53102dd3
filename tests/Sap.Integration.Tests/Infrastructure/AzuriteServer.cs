namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// The Storage emulator from .ci/node_modules (pinned in .ci/package-lock.json, installed by .ci/test), or the path in
/// SAP_AZURITE: its Queue service for the events, and its Blob and Table services for the Functions host (a timer
/// trigger's lock is a blob lease; the host writes diagnostic events to a table). Data lives in a temp folder, so a
/// restart keeps the queues, like a real outage.
/// </summary>
public sealed class AzuriteServer : ServerProcess
{
    private readonly string folder = Directory.CreateTempSubdirectory("sap-azurite-").FullName;

    public int BlobPort { get; } = FreePort.Next();

    public int TablePort { get; } = FreePort.Next();

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The same account with its Queue service alone, as a Storage account string can be written.</summary>
    public string QueueOnlyConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"QueueEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    // Killed with SIGKILL, the emulator loses messages it acknowledged but had not yet saved to its folder (it saves
    // on a timer); a Storage account never loses an acknowledged message, so an outage here is a clean stop.
    protected override bool StopsGracefully => true;

    protected override (string File, IReadOnlyList<string> Arguments) Command() =>
        (Executable(), [
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", Port.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
            "--location", folder, "--skipApiVersionCheck", "--silent", "--loose"]);

    private static string Executable()
    {
        if (Environment.GetEnvironmentVariable("SAP_AZURITE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var candidate = Path.Combine(Repository.Root, ".ci", "node_modules", ".bin", "azurite");
        return File.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException("azurite not found: run `npm ci --prefix .ci` (bash .ci/test does) or set SAP_AZURITE");
    }
}
