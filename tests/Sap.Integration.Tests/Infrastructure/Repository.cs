namespace Sap.Integration.Tests.Infrastructure;

/// <summary>The repository checkout the tests run from (for files such as docs/ops/alerts.yml).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sap.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sap.sln not found above the test binaries");
    }
}
