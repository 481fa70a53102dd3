using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sap.Domain.Data;
using Sap.Domain.ReadModel;
using Sap.Domain.Time;

namespace Sap.Functions.Vendedor;

/// <summary>
/// Brings the sales read model to today at start (building it if a database arrives without one) and again just
/// after each business midnight, so the moving windows are rolled before the day's first read asks for them. Reads
/// of a moving window roll on their own when they get there first; this only takes the work off their path.
/// </summary>
public sealed partial class ReadModelCatchUp(
    IDbContextFactory<SapDbContext> contexts, SalesReadModel readModel, BusinessCalendar calendar, TimeProvider clock,
    ILogger<ReadModelCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = calendar.Today(clock);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await readModel.EnsureCurrentAsync(db, today, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCatchUpFailed(logger, RetryDelay.TotalSeconds, e);
                await Task.Delay(RetryDelay, clock, stoppingToken);
                continue;
            }

            var next = calendar.StartOfDayUtc(today.AddDays(1)).AddSeconds(1) - clock.GetUtcNow().UtcDateTime;
            await Task.Delay(next > TimeSpan.Zero ? next : TimeSpan.FromSeconds(1), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sales read model catch-up failed; retrying in {Seconds} s")]
    private static partial void LogCatchUpFailed(ILogger logger, double seconds, Exception error);
}
