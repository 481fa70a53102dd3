namespace Sap.Domain.DemoData;

/// <summary>Where demo rows go: PostgreSQL's binary COPY or SQLite's prepared inserts.</summary>
internal interface IDemoDataSink : IAsyncDisposable
{
    Task<long> CountPedidosAsync(CancellationToken cancellationToken);

    /// <summary>Empties every Sap table (for --force).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    Task WriteAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : IDemoRow;

    /// <summary>Whatever the provider needs after a bulk load with explicit ids (sequences, statistics).</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}
