using Sap.Domain.Data;

namespace Sap.Domain.ReadModel;

/// <summary>
/// Who may work on the sales aggregates beside whom, as row locks on janela_movel (PostgreSQL; SQLite's write
/// transactions are exclusive already). Every sales write takes a key share on its first row (a change of a pedido,
/// which reads the windows' bounds, on every row), which any number of writes hold at once; a fold takes a no-key
/// update on the first row, which writes do not mind but a second fold does; a roll or a rebuild locks every row for
/// update, which waits for the writes and the fold under way and holds back new ones. A new pedido's command reads the
/// bounds in statements after its turn's, so it sees them as any roll it waited for left them.
/// </summary>
internal static class SalesTurns
{
    private const string First = "SELECT janela FROM janela_movel ORDER BY janela LIMIT 1";

    /// <summary>A statement taking a write's turn.</summary>
    public static SqlFragment Write(SapSql sql) => SqlFragment.Raw($"{First}{sql.ForKeyShare};");

    /// <summary>
    /// The moving windows, read under a write's turn. Every row is locked, not just the first: a statement that waited
    /// for a roll sees the rows it locked as the roll left them, but any other row as it was when the statement began.
    /// </summary>
    public static SqlFragment WriteAndRead(SapSql sql) => SqlFragment.Raw($"SELECT janela, data_base, inicio, fim FROM janela_movel{sql.ForKeyShare}");

    /// <summary>A query returning a row when this fold has the turn (none when another has it, or nothing is built).</summary>
    public static SqlFragment Fold(SapSql sql, bool wait) => SqlFragment.Raw($"SELECT janela AS key FROM ({First}{(sql.IsSqlite ? "" : wait ? " FOR NO KEY UPDATE" : " FOR NO KEY UPDATE SKIP LOCKED")}) t");

    /// <summary>Every window row for update: a roll's or a rebuild's turn, alone.</summary>
    public static SqlFragment Exclusive(SapSql sql) => SqlFragment.Raw($"SELECT janela, data_base, inicio, fim FROM janela_movel{sql.ForUpdate}");
}
