using Microsoft.EntityFrameworkCore;

namespace Sap.Migrator.Schema;

/// <summary>
/// Options added to the contexts that the schema commands open. The migrator registers none; the tests register one
/// to show EF a migration that only the test assembly carries. Code only: no setting reaches it.
/// </summary>
internal delegate void ConfigureSchemaContext(DbContextOptionsBuilder options);
