using Microsoft.EntityFrameworkCore;
using Sap.Domain.Apuracoes;
using Sap.Domain.Estoques;
using Sap.Domain.Pedidos;

namespace Sap.Domain.Data;

/// <summary>
/// Loads rows for update under a row lock, so that concurrent writes to one pedido (payments, pickups) or one
/// stock row run one after the other. PostgreSQL locks the rows (FOR UPDATE); SQLite's write transactions are
/// already exclusive (BEGIN IMMEDIATE), so a plain read is enough there.
/// </summary>
internal static class RowLocks
{
    public static Task<Pedido?> PedidoAsync(SapDbContext db, long id, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres
            ? db.Pedidos.FromSql($"SELECT * FROM pedido WHERE id = {id} FOR UPDATE")
            : db.Pedidos.Where(p => p.Id == id))
        .SingleOrDefaultAsync(cancellationToken);

    public static Task<Apuracao?> ApuracaoAsync(SapDbContext db, long id, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres
            ? db.Apuracoes.FromSql($"SELECT * FROM apuracao WHERE id = {id} FOR UPDATE")
            : db.Apuracoes.Where(a => a.Id == id))
        .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The stock rows of the produtos, locked in produto order (one order for everyone: no deadlocks).</summary>
    public static Task<List<Estoque>> EstoquesAsync(SapDbContext db, long[] produtoIds, CancellationToken cancellationToken) =>
        (db.Provider == DatabaseProvider.Postgres
            ? db.Estoques.FromSql($"SELECT * FROM estoque WHERE produto_id = ANY({produtoIds}) ORDER BY produto_id FOR UPDATE")
            : db.Estoques.Where(e => produtoIds.Contains(e.ProdutoId)))
        .ToListAsync(cancellationToken);
}
