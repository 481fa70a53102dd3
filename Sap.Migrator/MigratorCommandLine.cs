using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Data;
using Sap.Domain.Time;
using Sap.Migrator.Demo;
using Sap.Migrator.Schema;

namespace Sap.Migrator;

/// <summary>One run of the migrator: parse the command line, compose the pieces, run the command, map a failure.</summary>
internal static class MigratorCommandLine
{
    /// <summary>Runs one command and returns its exit code (0 done, 1 failed, 2 bad usage or settings).</summary>
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
        MigratorArguments? arguments = null;
        DatabaseSettings? settings = null;
        try
        {
            arguments = MigratorArguments.Parse(args);
            if (arguments.HelpOnly)
            {
                await output.WriteLineAsync(MigratorArguments.Usage);
                return 0;
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddEnvironmentVariables();
            configure?.Invoke(builder);
            builder.AddSapDatabase().AddBusinessCalendar().AddMigratorCommands(output, error);
            using var host = builder.Build();
            settings = host.Services.GetRequiredService<DatabaseSettings>();
            var schema = host.Services.GetRequiredService<MigrationCommands>();
            await (arguments.Command switch
            {
                "migrate" => schema.MigrateAsync(arguments.Get("to"), cancellationToken),
                "rollback" => schema.RollbackAsync(arguments.Required("to"), cancellationToken),
                "status" => schema.StatusAsync(cancellationToken),
                "unlock" => schema.UnlockAsync(cancellationToken),
                "rebuild-read-model" => schema.RebuildReadModelAsync(cancellationToken),
                "script" => schema.ScriptAsync(arguments.Get("from"), arguments.Get("to"), arguments.Has("idempotent"), arguments.Get("output"), cancellationToken),
                _ => host.Services.GetRequiredService<DemoDataCommand>().RunAsync(arguments, cancellationToken),
            });
            return 0;
        }
        catch (Exception e)
        {
            var (code, line) = Failure.Describe(e, settings);
            await error.WriteLineAsync($"error: {line}");
            if (arguments?.Verbose == true)
            {
                await error.WriteLineAsync(e.ToString());
            }

            return code;
        }
    }
}
