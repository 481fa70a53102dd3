using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.Extensions.DependencyInjection;
using Sap.Domain.Data;
using Sap.Migrator.Schema;

namespace Sap.Integration.Tests.Infrastructure;

#pragma warning disable EF1001 // EF's own discovery of migrations, extended rather than written again.

/// <summary>
/// The migrations EF finds for the context (Sap.Domain's), plus the ones this test assembly carries for the same
/// context type: EF looks for migrations in one assembly only, and production must never see these.
/// </summary>
internal sealed class TestMigrations(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= base.Migrations
        .Concat(typeof(TestMigrations).Assembly.DefinedTypes
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => KeyValuePair.Create(t.GetCustomAttribute<MigrationAttribute>()!.Id, t)))
        .OrderBy(m => m.Key, StringComparer.Ordinal)
        .ToDictionary();

    /// <summary>For <see cref="MigratorProcess.RunInProcessAsync"/>: the migrator's contexts see the test migrations.</summary>
    public static void Add(IServiceCollection services) =>
        services.AddSingleton(new ConfigureSchemaContext(o => o.ReplaceService<IMigrationsAssembly, TestMigrations>()));
}

#pragma warning restore EF1001

/// <summary>
/// Creates a table, adds a column and an index to cliente, then fails on a table that does not exist (an error on
/// both providers). EF runs it in a transaction, so none of the first half may remain.
/// </summary>
internal abstract class FailsHalfway : Migration
{
    public const string Id = "29990101000000_FailsHalfway";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "fails_halfway",
            columns: table => new { id = table.Column<long>(nullable: false), note = table.Column<string>(nullable: true) },
            constraints: table => table.PrimaryKey("pk_fails_halfway", x => x.id));
        migrationBuilder.AddColumn<string>(name: "fails_halfway_note", table: "cliente", nullable: true);
        migrationBuilder.CreateIndex(name: "ix_cliente_fails_halfway_note", table: "cliente", column: "fails_halfway_note");
        migrationBuilder.Sql("INSERT INTO no_such_table VALUES (1)");
    }
}

[DbContext(typeof(PostgresSapDbContext))]
[Migration(Id)]
internal sealed class PostgresFailsHalfway : FailsHalfway;

[DbContext(typeof(SqliteSapDbContext))]
[Migration(Id)]
internal sealed class SqliteFailsHalfway : FailsHalfway;
