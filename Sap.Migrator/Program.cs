using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Data;
using Sap.Domain.Time;
using Sap.Migrator;
using Sap.Migrator.Demo;
using Sap.Migrator.Schema;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

MigratorArguments? arguments = null;
DatabaseSettings? settings = null;
try
{
    arguments = MigratorArguments.Parse(args);
    if (arguments.HelpOnly)
    {
        Console.Out.WriteLine(MigratorArguments.Usage);
        return 0;
    }

    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
    builder.Configuration.AddEnvironmentVariables();
    builder.AddSapDatabase().AddBusinessCalendar().AddMigratorCommands();
    using var host = builder.Build();
    settings = host.Services.GetRequiredService<DatabaseSettings>();
    var schema = host.Services.GetRequiredService<MigrationCommands>();
    var token = cancel.Token;
    await (arguments.Command switch
    {
        "migrate" => schema.MigrateAsync(arguments.Get("to"), token),
        "rollback" => schema.RollbackAsync(arguments.Required("to"), token),
        "status" => schema.StatusAsync(token),
        "rebuild-read-model" => schema.RebuildReadModelAsync(token),
        "script" => schema.ScriptAsync(arguments.Get("from"), arguments.Get("to"), arguments.Has("idempotent"), arguments.Get("output"), token),
        _ => host.Services.GetRequiredService<DemoDataCommand>().RunAsync(arguments, token),
    });
    return 0;
}
catch (Exception e)
{
    var (code, line) = Failure.Describe(e, settings);
    await Console.Error.WriteLineAsync($"error: {line}");
    if (arguments?.Verbose == true)
    {
        await Console.Error.WriteLineAsync(e.ToString());
    }

    return code;
}
