namespace Sap.Migrator.Schema;

/// <summary>
/// A migration failed. EF runs each migration in a transaction of its own (none of Sap's suppresses it), so the
/// failed one left nothing behind and the ones applied before it stay applied.
/// </summary>
internal sealed class MigrationFailedException(string migration, Exception inner)
    : Exception($"migration {migration} failed and was rolled back", inner);
