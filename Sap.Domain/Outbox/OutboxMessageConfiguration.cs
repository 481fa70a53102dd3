using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasIndex(o => o.EventId).IsUnique();
        builder.Property(o => o.Tipo).HasMaxLength(64);
        builder.Property(o => o.Agregado).HasMaxLength(100);
        builder.Property(o => o.RequestId).HasMaxLength(64);
        // The dispatcher's sweep reads only what is still unpublished, oldest first.
        builder.HasIndex(o => o.Id).HasFilter("publicado_em IS NULL").HasDatabaseName("ix_outbox_pendente");
    }
}
