using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sap.Domain.Data;

public static class DatabaseHostingExtensions
{
    /// <summary>
    /// The database of SPEC §8 (<c>Sap:Database:Provider</c>, <c>ConnectionStrings:Sap</c>): checked settings
    /// and a pooled <see cref="IDbContextFactory{SapDbContext}"/> of the provider's own context type.
    /// </summary>
    /// <exception cref="InvalidSettingsException">A database setting is missing or malformed.</exception>
    public static IHostApplicationBuilder AddSapDatabase(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            AddFactory<PostgresSapDbContext>(builder.Services, settings);
        }
        else
        {
            AddFactory<SqliteSapDbContext>(builder.Services, settings);
        }

        return builder;
    }

    private static void AddFactory<TContext>(IServiceCollection services, DatabaseSettings settings)
        where TContext : SapDbContext
    {
        // Interceptors registered in DI (SQL counters, metrics) join every context the pool makes.
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            SapDatabase.Configure(options, settings);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<SapDbContext>>(sp =>
            new SapDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }
}
