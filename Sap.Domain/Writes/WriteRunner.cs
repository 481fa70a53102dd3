using System.Data;
using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Idempotency;

namespace Sap.Domain.Writes;

/// <summary>
/// Runs a write as one transaction holding the change, its audit row and its outbox event (SPEC §4), with
/// Idempotency-Key replays and retries of transient conflicts; tells the commit listener (publish now, refresh the cache) after commit.
/// </summary>
public sealed class WriteRunner(IDbContextFactory<SapDbContext> contexts, TimeProvider clock, ICommitListener listener)
{
    private const int Attempts = 3;

    /// <exception cref="DomainRuleException">The Idempotency-Key was used before for a different request (422).</exception>
    public async Task<WriteResult<T>> RunAsync<T>(
        WriteRequest request,
        Func<WriteScope, Task<T>> change,
        Func<T, StoredResponse> respond,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(request, change, respond, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && DbErrors.IsRetryable(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    private async Task<WriteResult<T>> RunOnceAsync<T>(
        WriteRequest request, Func<WriteScope, Task<T>> change, Func<T, StoredResponse> respond, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A failed statement fails the whole write (retried from the start, or answered), so EF's savepoint around each
        // SaveChanges in a transaction would only cost two round trips each.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        IdempotencyRecord? claim = null;
        if (request.IdempotencyKey is { } key)
        {
            claim = new IdempotencyRecord { Usuario = request.Subject, Chave = key, RequestHash = request.RequestHash ?? "", CriadoEm = now };
            db.IdempotencyRecords.Add(claim);
            try
            {
                // A concurrent request with the same key waits here until the first commits, then collides.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.UniqueViolation(e) is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new WriteResult<T>(await ReplayAsync(request, cancellationToken), default, Replayed: true);
            }
        }

        var scope = new WriteScope(db, request, now);
        var value = await change(scope);
        var response = respond(value);
        if (claim is not null)
        {
            claim.StatusCode = response.StatusCode;
            claim.Body = response.Body;
            claim.Location = response.Location;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (scope.Events.Count > 0)
        {
            await listener.CommittedAsync(scope.Events, CancellationToken.None);
        }

        return new WriteResult<T>(response, value, Replayed: false);
    }

    private async Task<StoredResponse> ReplayAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleAsync(r => r.Usuario == request.Subject && r.Chave == request.IdempotencyKey, cancellationToken);
        return stored.RequestHash == (request.RequestHash ?? "")
            ? new StoredResponse(stored.StatusCode, stored.Body, stored.Location)
            : throw new DomainRuleException(DomainRuleKind.RuleBroken,
                "Esta Idempotency-Key já foi usada com outra requisição; use uma chave nova para outra operação.");
    }
}
