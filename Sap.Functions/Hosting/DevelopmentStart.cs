using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Domain.DemoData;
using Sap.Domain.Time;
using Sap.Functions.Security;

namespace Sap.Functions.Hosting;

/// <summary>
/// The embedded default in Development: the SQLite database is migrated and filled with small demo data on
/// first start (the one place outside Sap.Migrator that migrates, and only for the local SQLite file), and the
/// console shows the URL, a one-hour ADMIN token and a curl line to paste.
/// </summary>
internal static class DevelopmentStart
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using (var db = SapDatabase.CreateContext(settings))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (await db.Pedidos.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var calendar = services.GetRequiredService<BusinessCalendar>();
        var today = calendar.Today(services.GetRequiredService<TimeProvider>());
        Console.WriteLine($"Filling {SapDatabase.Describe(settings.Provider, settings.ConnectionString)} with demo data (small, seed 1)...");
        await DemoDataLoader.LoadAsync(settings, calendar, new DemoDataOptions(DemoScale.Small, 1, today), force: false, null, cancellationToken);
    }

    public static void PrintWelcome(WebApplication app)
    {
        var url = app.Urls.FirstOrDefault() ?? SelfHost.DefaultUrl;
        var key = app.Services.GetRequiredService<SigningKey>();
        Console.WriteLine($"Sap is listening on {url}");
        if (key.Key is not Microsoft.IdentityModel.Tokens.SymmetricSecurityKey)
        {
            return;
        }

        var token = app.Services.GetRequiredService<TokenIssuer>().Issue("dev", [Roles.Admin], TimeSpan.FromHours(1));
        Console.WriteLine($"Development token (ADMIN, valid for 1 hour{(key.IsEphemeral ? ", signed with a random key for this run" : "")}):");
        Console.WriteLine(token);
        Console.WriteLine("Try:");
        Console.WriteLine($"curl -H \"Authorization: Bearer {token}\" {url}/api/vendedor/dashboard");
    }
}
