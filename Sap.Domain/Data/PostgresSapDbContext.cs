using Microsoft.EntityFrameworkCore;

namespace Sap.Domain.Data;

public sealed class PostgresSapDbContext(DbContextOptions<PostgresSapDbContext> options) : SapDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
