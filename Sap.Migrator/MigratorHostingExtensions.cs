using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Migrator.Demo;
using Sap.Migrator.Schema;

namespace Sap.Migrator;

internal static class MigratorHostingExtensions
{
    /// <summary>The commands, writing results to stdout and progress to stderr.</summary>
    public static IHostApplicationBuilder AddMigratorCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MigrationCommands>(sp, Console.Out));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DemoDataCommand>(sp, Console.Out, Console.Error));
        return builder;
    }
}
