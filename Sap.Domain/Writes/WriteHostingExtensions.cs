using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sap.Domain.Apuracoes;
using Sap.Domain.Coletas;
using Sap.Domain.Data;
using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Domain.Writes;

public static class WriteHostingExtensions
{
    /// <summary>The write commands and the runner that gives each its transaction, audit row and outbox event.</summary>
    public static IHostApplicationBuilder AddSapWrites(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ICommitListener, NoCommitListener>();
        builder.Services.TryAddSingleton(sp => new SalesReadModel(sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<DatabaseSettings>().MaintenanceTimeout));
        builder.Services.AddSingleton<WriteRunner>();
        builder.Services.AddSingleton<PedidoCommands>();
        builder.Services.AddSingleton<PagamentoCommands>();
        builder.Services.AddSingleton<ColetaCommands>();
        return builder;
    }

    private sealed class NoCommitListener : ICommitListener
    {
        public Task CommittedAsync(IReadOnlyList<Events.CloudEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
