using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Migrator;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>Runs the built Sap.Migrator as its own process, configured through the environment as in production.</summary>
public static class MigratorProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Sap.Migrator.dll");

    public static Task<ProcessResult> RunAsync(DatabaseSettings database, params string[] arguments) =>
        RunAsync(Environment(database), arguments);

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. arguments], environment, TimeSpan.FromMinutes(5));

    /// <summary>Starts it without waiting, for a test that acts while it runs or kills it.</summary>
    public static RunningProcess Start(DatabaseSettings database, params string[] arguments) =>
        RunningProcess.Start("dotnet", [Dll, .. arguments], Environment(database));

    /// <summary>
    /// Runs it inside the test process, with the same settings, and services of the test's own added: the way to
    /// show it a migration that only the tests carry (<see cref="TestMigrations"/>).
    /// </summary>
    public static async Task<ProcessResult> RunInProcessAsync(DatabaseSettings database, Action<IServiceCollection> services, params string[] arguments)
    {
        var settings = Environment(database).ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MigratorCommandLine.RunAsync(arguments, output, error, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            services(builder.Services);
        }, TestContext.Current.CancellationToken);
        return new ProcessResult(exitCode, output.ToString(), error.ToString());
    }

    public static Dictionary<string, string?> Environment(DatabaseSettings database) => new()
    {
        ["Sap__Database__Provider"] = database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings__Sap"] = database.ConnectionString,
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>Small demo data as of the run's date (<see cref="TestClock"/>), so it agrees with the apps the test starts.</summary>
    public static Task<string> DemoDataAsync(DatabaseSettings database, int seed) =>
        OkAsync(database, "demo-data", "--scale", "small", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--today", TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs and asserts success, returning stdout.</summary>
    public static async Task<string> OkAsync(DatabaseSettings database, params string[] arguments)
    {
        var result = await RunAsync(database, arguments);
        Assert.True(result.ExitCode == 0, $"Sap.Migrator {string.Join(' ', arguments)}: {result}");
        return result.Stdout;
    }
}
