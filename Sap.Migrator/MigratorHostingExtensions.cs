using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Migrator.Demo;
using Sap.Migrator.Schema;

namespace Sap.Migrator;

internal static class MigratorHostingExtensions
{
    /// <summary>The commands, writing results to <paramref name="output"/> and progress to <paramref name="progress"/>.</summary>
    public static IHostApplicationBuilder AddMigratorCommands(this IHostApplicationBuilder builder, TextWriter output, TextWriter progress)
    {
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MigrationCommands>(sp, output, progress));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DemoDataCommand>(sp, output, progress));
        return builder;
    }
}
