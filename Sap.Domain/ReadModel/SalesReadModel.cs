using System.Data;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Pedidos;
using Sap.Domain.Time;
using Sap.Domain.Writes;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Keeps the sales aggregates (ADR 7) equal to what the pedidos add up to, inside the transaction of every write
/// that changes a pedido's figures, without any lock shared by all writes: a change is applied as what the pedido
/// adds after it minus what it added before (<see cref="PedidoSales"/>), to rows of the pedido's cliente, locked by
/// that cliente's row, and as inserted deltas for rows every cliente shares (<see cref="SalesWrite"/>). The moving
/// windows are rolled when the business date moves on (<see cref="EnsureCurrentAsync"/>), the deltas moved into
/// their rows in the background (<see cref="FoldAsync"/>).
/// </summary>
/// <param name="maintenanceTimeout">
/// How long one statement of a build or a roll may run (<see cref="DatabaseSettings.MaintenanceTimeout"/>; default
/// 30 minutes): such statements take minutes at a million pedidos on a slow machine.
/// </param>
public sealed class SalesReadModel(BusinessCalendar calendar, TimeSpan? maintenanceTimeout = null)
{
    private readonly TimeSpan timeout = maintenanceTimeout ?? new DatabaseSettings(DatabaseProvider.Sqlite, "").MaintenanceTimeout;

    // The business day this process last saw the moving windows rolled to (they only ever move forward).
    private int currentThrough;

    /// <summary>Before a pedido's itens or status change: what it adds to the aggregates as it stands.</summary>
    public PedidoChange BeforeChange(Pedido pedido) => new(PedidoSales.Of(pedido, calendar));

    /// <summary>After a pedido was created (<paramref name="before"/> null) or changed, and saved: applies the difference.</summary>
    public async Task AfterChangeAsync(WriteScope scope, Pedido pedido, PedidoChange? before, CancellationToken cancellationToken)
    {
        var today = calendar.DateOf(scope.Now);
        var after = PedidoSales.Of(pedido, calendar);
        var change = before is null ? after : after.Minus(before.Antes);
        // A change works its produto sets out again from the moving windows' bounds; a new pedido needs no bounds here.
        var moveis = before is null ? null : await MoveisAsync(scope.Db, cancellationToken);
        await SalesWrite.ApplyAsync(scope.Db, calendar, change, moveis, before is null ? [] : [.. before.Antes.Produtos.Keys], [.. after.Produtos.Keys],
            today, cancellationToken);
    }

    /// <summary>Before a payment changes what a pedido has paid.</summary>
    public PedidoChange BeforePayment(Pedido pedido) => BeforeChange(pedido);

    /// <summary>After the payment was saved: only the month's apuração figures depend on what a pedido has paid.</summary>
    public Task AfterPaymentAsync(WriteScope scope, Pedido pedido, PedidoChange before, CancellationToken cancellationToken) =>
        SalesWrite.ApplyPaymentAsync(scope.Db, PedidoSales.Of(pedido, calendar).Minus(before.Antes), cancellationToken);

    /// <summary>
    /// Brings the moving windows to <paramref name="today"/> (building everything when the model was never built), in
    /// its own transaction. Reads of a moving window call it when it is behind today; the app and the migrator at start.
    /// </summary>
    /// <exception cref="StatementTimeoutException">A statement ran longer than the maintenance timeout.</exception>
    public async Task EnsureCurrentAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await MaintainAsync(db, "rolling the sales read model", async () =>
        {
            if (!await SalesRoll.EnsureCurrentAsync(db, calendar, today, cancellationToken))
            {
                await AnalyzeAsync(db, cancellationToken);
            }
        }, cancellationToken);
        Volatile.Write(ref currentThrough, today.DayNumber);
    }

    /// <summary>Before a read of a moving window: rolls the windows to today, unless this process already saw them there.</summary>
    public Task CatchUpAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        Volatile.Read(ref currentThrough) >= today.DayNumber ? Task.CompletedTask : EnsureCurrentAsync(db, today, cancellationToken);

    /// <summary>Recomputes the whole model from the pedidos, as of <paramref name="today"/> (after a bulk load or a manual fix).</summary>
    /// <exception cref="StatementTimeoutException">A statement ran longer than the maintenance timeout.</exception>
    public async Task RebuildAsync(SapDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await MaintainAsync(db, "rebuilding the sales read model", async () =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
            {
                var sql = new SapSql(db);
                // Writes, rolls and folds hold these rows (key share, update, no-key update): none runs beside a rebuild.
                await sql.ExecuteAsync(SalesTurns.Exclusive(sql), cancellationToken);
                await SalesRebuild.BuildAsync(db, calendar, today, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await AnalyzeAsync(db, cancellationToken);
        }, cancellationToken);
        Volatile.Write(ref currentThrough, today.DayNumber);
    }

    /// <summary>Moves one batch of deltas into their rows; the count moved (-1: another fold has the turn, or nothing is built yet).</summary>
    public static Task<int> FoldAsync(SapDbContext db, CancellationToken cancellationToken) => SalesFold.FoldAsync(db, wait: false, cancellationToken);

    /// <summary>Moves every committed delta into its rows, waiting for a fold under way (tools and tests, before comparing rows).</summary>
    public static async Task FoldAllAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        while (await SalesFold.FoldAsync(db, wait: true, cancellationToken) > 0)
        {
        }
    }

    /// <summary>The moving windows with their bounds, read under a write's turn (<see cref="SalesTurns"/>).</summary>
    private static async Task<List<Janela>> MoveisAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        var sql = new SapSql(db);
        var moveis = await sql.ListAsync<JanelaMovel>(SalesTurns.WriteAndRead(sql), cancellationToken);
        return [.. moveis.Select(m => new Janela(m.Janela, m.Inicio, m.Fim))];
    }

    /// <summary>
    /// Runs maintenance with its own statement timeout on a connection opened first, so that running out of time is
    /// told apart from not reaching the server (both surface from the driver as timeouts).
    /// </summary>
    private async Task MaintainAsync(SapDbContext db, string work, Func<Task> run, CancellationToken cancellationToken)
    {
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(timeout);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await run();
        }
        catch (Exception e) when (DbErrors.IsTimeout(e))
        {
            throw new StatementTimeoutException(work, timeout, e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(previous);
        }
    }

    private static async Task AnalyzeAsync(SapDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Fresh statistics, so the planner reads the new rows by index from the first query on.
            await db.Database.ExecuteSqlRawAsync(
                "ANALYZE venda_cliente, venda_cliente_produto, venda_cliente_dia, venda_produto_dia, ranking_cliente, ranking_produto, janela_movel, venda_mes",
                cancellationToken);
        }
    }
}
