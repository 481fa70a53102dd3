using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;

namespace Sap.Functions.Vendedor;

/// <summary>
/// Moves the deltas that writes leave for figures every cliente shares (a produto's sales, a month's apuração), and
/// for a new pedido's stored windows, into their rows, every <see cref="Interval"/> (ADR 7). Reads add whatever is not moved yet, so this bounds how many
/// deltas a read adds up, not how fresh it is; every instance runs one, and one fold at a time does the work.
/// A fold's cost is bounded by the rows it touches (each window × each produto sold), not by the deltas, so folding
/// seldom costs less: every 5 s a fold touches about the rows one every second did, and slows the writes running
/// beside it five times less often (ADR 12); a read adds at most 5 s of deltas (a few thousand rows at 500 writes a second).
/// </summary>
public sealed partial class ReadModelFold(IDbContextFactory<SapDbContext> contexts, TimeProvider clock, ILogger<ReadModelFold> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int moved;
                do
                {
                    await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                    moved = await SalesReadModel.FoldAsync(db, stoppingToken);
                }
                while (moved >= SalesFold.BatchSize);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFoldFailed(logger, e.GetType().Name, e.Message);
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding the sales deltas failed ({Error}: {Message}); reads still add them, and the next round retries")]
    private static partial void LogFoldFailed(ILogger logger, string error, string message);
}
