using Sap.Domain.Data;

namespace Sap.Domain.Tests;

/// <summary>
/// SapSql's queries (ADR 11): a value in a hole is a parameter whatever its type, a fragment is text, and both
/// providers get their dialect. (A string hole does not compile, so it has no test here.)
/// </summary>
public sealed class SapSqlTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused", " FOR UPDATE")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db", "")]
    public void A_value_in_a_hole_is_a_parameter_and_a_fragment_is_text(DatabaseProvider provider, string connectionString, string forUpdate)
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(provider, connectionString));
        var sql = new SapSql(db);
        long id = 42;
        var dia = new DateOnly(2026, 11, 30);
        var ids = new long[] { 7, 8 };

        var text = sql.Text($"SELECT * FROM pedido WHERE id = {id} AND cliente_id IN {sql.In(ids)} AND dia < {dia}{sql.ForUpdate}");

        Assert.Equal($"SELECT * FROM pedido WHERE id = @p0 AND cliente_id IN (@p1, @p2) AND dia < @p3{forUpdate}", text.Text);
        Assert.Equal(new object[] { 42L, 7L, 8L, dia }, sql.Parameters.Select(p => p.Value!));
    }

    [Fact]
    public void A_text_value_goes_as_a_parameter_never_into_the_sql()
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=unused"));
        var sql = new SapSql(db);
        var nome = "x'; DROP TABLE pedido; --";

        var text = sql.Text($"SELECT id FROM cliente WHERE nome = {sql.P(nome)}");

        Assert.Equal("SELECT id FROM cliente WHERE nome = @p0", text.Text);
        Assert.Equal(nome, sql.Parameters.Single().Value);
    }

    [Fact]
    public void Fragments_joined_keep_their_own_parameters_in_order()
    {
        using var db = SapDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=unused"));
        var sql = new SapSql(db);

        var parts = new[] { 1L, 2L, 3L }.Select(n => sql.Text($"SELECT {n}"));
        var text = sql.Text($"{SqlFragment.Join(" UNION ALL ", parts)} LIMIT {10}");

        Assert.Equal("SELECT @p0 UNION ALL SELECT @p1 UNION ALL SELECT @p2 LIMIT @p3", text.Text);
        Assert.Equal(new object[] { 1L, 2L, 3L, 10 }, sql.Parameters.Select(p => p.Value!));
    }
}
