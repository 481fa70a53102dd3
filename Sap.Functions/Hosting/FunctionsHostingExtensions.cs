using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Data;
using Sap.Domain.Settings;
using Sap.Domain.Time;
using Sap.Functions.Caching;
using Sap.Functions.Events;
using Sap.Domain.Writes;
using Sap.Functions.Http;
using Sap.Functions.Health;
using Sap.Functions.Observability;
using Sap.Functions.RateLimiting;
using Sap.Functions.Security;

namespace Sap.Functions.Hosting;

public static class FunctionsHostingExtensions
{
    /// <summary>Everything the functions need, the same on the Functions host and the self-host.</summary>
    public static IHostApplicationBuilder AddSapFunctions(this IHostApplicationBuilder builder)
    {
        builder.AddSapObservability().AddSapTracing().AddSapDatabase().AddBusinessCalendar().AddSapQueries().AddSapSecurity().AddSapCache().AddSapEvents().AddSapWrites();
        builder.Services.AddSingleton(_ => FunctionCatalog.Load(AppContext.BaseDirectory));
        builder.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.SectionName);
        builder.Services.AddSingleton<CallerRateLimiter>();
        builder.Services.AddSingleton<RequestPipeline>();
        builder.Services.AddSingleton<WriteEndpoints>();
        builder.AddSapHealthChecks();
        builder.Services.AddHostedService<Vendedor.ReadModelCatchUp>();
        builder.Services.AddHostedService<Vendedor.ReadModelFold>();
        return builder;
    }

    /// <summary>Bearer-token validation (SPEC §6). Outside Development a missing or short key stops start-up.</summary>
    public static IHostApplicationBuilder AddSapSecurity(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.SectionName);
        var key = SigningKey.From(options, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenValidator>();
        builder.Services.AddSingleton<TokenIssuer>();
        return builder;
    }
}
