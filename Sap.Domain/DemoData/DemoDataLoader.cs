using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Domain.DemoData;

/// <summary>Fills a migrated database with demo data (the migrator's demo-data command and the embedded default).</summary>
public static class DemoDataLoader
{
    private const int ChunkSize = 25_000;

    /// <exception cref="DemoDataRefusedException">The database has pedidos and <paramref name="force"/> is false.</exception>
    /// <exception cref="InvalidOperationException">The database is not fully migrated.</exception>
    public static async Task<DemoDataSummary> LoadAsync(
        DatabaseSettings settings,
        BusinessCalendar calendar,
        DemoDataOptions options,
        bool force,
        IProgress<DemoDataProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = SapDatabase.CreateContext(settings))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                throw new InvalidOperationException($"the database has {pending} pending migrations; run `migrate` first");
            }
        }

        await using IDemoDataSink sink = settings.Provider == DatabaseProvider.Postgres
            ? await PostgresDemoDataSink.OpenAsync(settings.ConnectionString, cancellationToken)
            : await SqliteDemoDataSink.OpenAsync(settings.ConnectionString, cancellationToken);

        var existing = await sink.CountPedidosAsync(cancellationToken);
        if (existing > 0)
        {
            if (!force)
            {
                throw new DemoDataRefusedException(existing);
            }

            await sink.ClearAsync(cancellationToken);
        }

        var generator = new DemoDataGenerator(options, calendar);
        var tally = new Tally();
        await tally.WriteAsync(generator.Reference(), sink, cancellationToken);
        foreach (var chunk in generator.Pedidos(ChunkSize))
        {
            await tally.WriteAsync(chunk, sink, cancellationToken);
            progress?.Report(new DemoDataProgress(tally.Pedidos, options.Pedidos, clock.Elapsed));
        }

        await tally.WriteAsync(generator.Closing(), sink, cancellationToken);
        await sink.FinishAsync(cancellationToken);
        await using (var db = SapDatabase.CreateContext(settings))
        {
            // Bulk rows bypass the writes, so the read model is worked out once from all of them.
            await new SalesReadModel(calendar, settings.MaintenanceTimeout).RebuildAsync(db, options.Today, cancellationToken);
        }

        return new DemoDataSummary(
            tally.Clientes, tally.Produtos, tally.Pedidos, tally.Itens, tally.Pagamentos, tally.Coletas, tally.Apuracoes, clock.Elapsed);
    }

    private sealed class Tally
    {
        public long Clientes { get; private set; }

        public long Produtos { get; private set; }

        public long Pedidos { get; private set; }

        public long Itens { get; private set; }

        public long Pagamentos { get; private set; }

        public long Coletas { get; private set; }

        public long Apuracoes { get; private set; }

        public async Task WriteAsync(DemoBatch batch, IDemoDataSink sink, CancellationToken cancellationToken)
        {
            await batch.WriteToAsync(sink, cancellationToken);
            Clientes += batch.Clientes.Count;
            Produtos += batch.Produtos.Count;
            Pedidos += batch.Pedidos.Count;
            Itens += batch.Itens.Count;
            Pagamentos += batch.Pagamentos.Count;
            Coletas += batch.Coletas.Count;
            Apuracoes += batch.Apuracoes.Count;
        }
    }
}
