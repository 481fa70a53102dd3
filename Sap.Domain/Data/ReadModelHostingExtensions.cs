using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Apuracoes;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;
using Sap.Domain.Vendedor;

namespace Sap.Domain.Data;

public static class ReadModelHostingExtensions
{
    /// <summary>The read query services (needs <see cref="DatabaseHostingExtensions.AddSapDatabase"/> and the calendar).</summary>
    public static IHostApplicationBuilder AddSapQueries(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(sp => new SalesReadModel(sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<DatabaseSettings>().MaintenanceTimeout));
        builder.Services.AddSingleton<VendedorQueries>();
        builder.Services.AddSingleton<ApuracaoQueries>();
        return builder;
    }
}
