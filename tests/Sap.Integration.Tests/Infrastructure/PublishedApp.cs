namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// Sap.Functions published in Release (`dotnet publish`), as the deploy workflow publishes it: the folder the Functions
/// host runs (host.json, functions.metadata, worker.config.json). Published once per test run, on first use.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        // A folder published beforehand (a run under a fake clock, say, while the sources change) can stand in.
        if (Environment.GetEnvironmentVariable("SAP_PUBLISHED_APP") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "worker.config.json"))
                ? given
                : throw new InvalidOperationException($"SAP_PUBLISHED_APP={given} holds no published Functions app");
        }

        var output = Directory.CreateTempSubdirectory("sap-published-").FullName;
        var result = await ProcessRunner.RunAsync(
            "dotnet", ["publish", Path.Combine(Repository.Root, "Sap.Functions"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet"],
            timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(output, "worker.config.json")))
        {
            throw new InvalidOperationException($"dotnet publish Sap.Functions failed: {result}");
        }

        return output;
    }
}
