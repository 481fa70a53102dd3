using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Data;
using Sap.Domain.DemoData;
using Sap.Domain.Time;
using Sap.Migrator.Demo;
using Sap.Migrator.Schema;

namespace Sap.Migrator;

/// <summary>
/// One run of the migrator: the command line (System.CommandLine: commands, options, `--help` for each), the pieces
/// composed from the environment, the command run, a failure mapped to its exit code and one line.
/// </summary>
internal static class MigratorCommandLine
{
    private const string About = """
        Applies Sap's versioned EF Core migrations, reports their status, writes their SQL, and loads demo data.
        The database comes from the environment: Sap__Database__Provider (sqlite|postgres), ConnectionStrings__Sap,
        and Sap__BusinessTimeZone (demo data's dates). Exit codes: 0 done, 1 failed, 2 bad usage or settings; a failure
        prints one line "error: ..." on stderr (--verbose adds its details).
        """;

    /// <summary>Runs one command line and returns its exit code (0 done, 1 failed, 2 bad usage or settings).</summary>
    /// <param name="configure">
    /// Runs after the environment is read and before the pieces are composed. The console passes null; tests run
    /// the migrator in-process through it, adding settings and services (such as a migration only they carry).
    /// </param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Action<IHostApplicationBuilder>? configure,
        CancellationToken cancellationToken)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On a failure, print its details after the error line.", Recursive = true };
        var root = new RootCommand(About) { verbose };
        foreach (var command in Commands(verbose, output, error, configure))
        {
            root.Subcommands.Add(command);
        }

        // Nothing asked: the usage, as --help prints it.
        root.SetAction(parse => root.Parse(["--help"]).Invoke(parse.InvocationConfiguration));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            await error.WriteLineAsync($"error: {string.Join(' ', parsed.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            return Failure.BadUsage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    private static IEnumerable<Command> Commands(Option<bool> verbose, TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configure)
    {
        // Runs a command over the composed pieces; a failure is its exit code and one line.
        Func<ParseResult, CancellationToken, Task<int>> Run(Func<IServiceProvider, ParseResult, CancellationToken, Task> command) =>
            async (parse, cancellationToken) =>
            {
                DatabaseSettings? settings = null;
                try
                {
                    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                    builder.Configuration.AddEnvironmentVariables();
                    configure?.Invoke(builder);
                    builder.AddSapDatabase().AddBusinessCalendar().AddMigratorCommands(output, error);
                    using var host = builder.Build();
                    settings = host.Services.GetRequiredService<DatabaseSettings>();
                    await command(host.Services, parse, cancellationToken);
                    return 0;
                }
                catch (Exception e)
                {
                    var (code, line) = Failure.Describe(e, settings);
                    await error.WriteLineAsync($"error: {line}");
                    if (parse.GetValue(verbose))
                    {
                        await error.WriteLineAsync(e.ToString());
                    }

                    return code;
                }
            };

        static MigrationCommands Schema(IServiceProvider services) => services.GetRequiredService<MigrationCommands>();

        var to = new Option<string?>("--to") { Description = "The migration to stop at, by id or name (default: the last one).", HelpName = "migration" };
        var migrate = new Command("migrate", "Apply pending migrations, all or up to one; creates the database if it is missing.") { to };
        migrate.SetAction(Run((s, p, ct) => Schema(s).MigrateAsync(p.GetValue(to), ct)));
        yield return migrate;

        var back = new Option<string>("--to") { Description = "The migration to revert to, by id or name; 0 reverts everything.", HelpName = "migration|0", Required = true };
        var rollback = new Command("rollback", "Revert to a migration; 0 empties the database, EF's own tables included.") { back };
        rollback.SetAction(Run((s, p, ct) => Schema(s).RollbackAsync(p.GetRequiredValue(back), ct)));
        yield return rollback;

        var status = new Command("status", "List each migration as applied or pending; say if the database does not exist yet or (SQLite) a migration lock is held.");
        status.SetAction(Run((s, _, ct) => Schema(s).StatusAsync(ct)));
        yield return status;

        var unlock = new Command("unlock", "Remove the SQLite migration lock (__EFMigrationsLock) a killed migrator left behind; nothing to do on PostgreSQL.");
        unlock.SetAction(Run((s, _, ct) => Schema(s).UnlockAsync(ct)));
        yield return unlock;

        var from = new Option<string?>("--from") { Description = "The migration the script starts after (default: none applied).", HelpName = "migration" };
        var until = new Option<string?>("--to") { Description = "The last migration in the script (default: the last one).", HelpName = "migration" };
        var idempotent = new Option<bool>("--idempotent") { Description = "A script that can run on a database at any of the migrations (PostgreSQL only)." };
        var file = new Option<string?>("--output") { Description = "Write the script to this file instead of stdout.", HelpName = "file" };
        var script = new Command("script", "Write the SQL of the migrations.") { from, until, idempotent, file };
        script.SetAction(Run((s, p, ct) => Schema(s).ScriptAsync(p.GetValue(from), p.GetValue(until), p.GetValue(idempotent), p.GetValue(file), ct)));
        yield return script;

        var scale = new Option<DemoScale>("--scale")
        {
            Description = "small: 200 clientes, 5 000 pedidos; medium: 1 000 and 100 000; large: 5 000 and 1 000 000.",
            HelpName = "small|medium|large",
            Required = true,
            CustomParser = ParseScale,
        };
        var seed = new Option<int?>("--seed") { Description = "Every value derives from it and --today (default 1).", HelpName = "n", CustomParser = ParseSeed };
        var today = new Option<DateOnly?>("--today")
        {
            Description = "The reference date, YYYY-MM-DD (default: the current business date); pedidos span the 24 months before it.",
            HelpName = "date",
            CustomParser = ParseDate,
        };
        var force = new Option<bool>("--force") { Description = "Load into a database that already has pedidos." };
        var demo = new Command("demo-data", "Fill the database with realistic demo data (refuses one with pedidos unless --force).") { scale, seed, today, force };
        demo.SetAction(Run((s, p, ct) => s.GetRequiredService<DemoDataCommand>().RunAsync(
            new DemoDataRequest(p.GetRequiredValue(scale), p.GetValue(seed), p.GetValue(today), p.GetValue(force)), ct)));
        yield return demo;

        var rebuild = new Command("rebuild-read-model", "Recompute the sales read model from the pedidos, after rows were changed by hand (then clear the cache).");
        rebuild.SetAction(Run((s, _, ct) => Schema(s).RebuildReadModelAsync(ct)));
        yield return rebuild;
    }

    private static DemoScale ParseScale(ArgumentResult result)
    {
        var text = Token(result);
        switch (text.ToLowerInvariant())
        {
            case "small":
                return DemoScale.Small;
            case "medium":
                return DemoScale.Medium;
            case "large":
                return DemoScale.Large;
            default:
                result.AddError($"--scale must be small, medium or large, not '{text}'");
                return default;
        }
    }

    private static int? ParseSeed(ArgumentResult result)
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--seed must be an integer, not '{text}'");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = Token(result);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--today must be a date YYYY-MM-DD, not '{text}'");
        return null;
    }
}
