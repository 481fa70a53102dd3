using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_key");
        builder.Property(r => r.Usuario).HasMaxLength(200);
        builder.Property(r => r.Chave).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => new { r.Usuario, r.Chave }).IsUnique();
        builder.HasIndex(r => r.CriadoEm);
    }
}
