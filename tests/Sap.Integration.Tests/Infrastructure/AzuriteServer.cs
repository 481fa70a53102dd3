namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// The Storage queue emulator from .ci/node_modules (pinned in .ci/package-lock.json, installed by .ci/test), or
/// the path in SAP_AZURITE_QUEUE. Data lives in a temp folder, so a restart keeps the queues, like a real outage.
/// </summary>
public sealed class AzuriteServer : ServerProcess
{
    private readonly string folder = Directory.CreateTempSubdirectory("sap-azurite-").FullName;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"QueueEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    // Killed with SIGKILL, the emulator loses messages it acknowledged but had not yet saved to its folder (it saves
    // on a timer); a Storage account never loses an acknowledged message, so an outage here is a clean stop.
    protected override bool StopsGracefully => true;

    protected override (string File, IReadOnlyList<string> Arguments) Command() =>
        (Executable(), ["--queueHost", "127.0.0.1", "--queuePort", Port.ToString(CultureInfo.InvariantCulture), "--location", folder,
            "--skipApiVersionCheck", "--silent", "--loose"]);

    private static string Executable()
    {
        if (Environment.GetEnvironmentVariable("SAP_AZURITE_QUEUE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var candidate = Path.Combine(Repository.Root, ".ci", "node_modules", ".bin", "azurite-queue");
        return File.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException("azurite-queue not found: run `npm ci --prefix .ci` (bash .ci/test does) or set SAP_AZURITE_QUEUE");
    }
}
