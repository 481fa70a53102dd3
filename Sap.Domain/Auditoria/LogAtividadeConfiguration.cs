using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.Auditoria;

internal sealed class LogAtividadeConfiguration : IEntityTypeConfiguration<LogAtividade>
{
    public void Configure(EntityTypeBuilder<LogAtividade> builder)
    {
        builder.ToTable("log_atividade");
        builder.Property(l => l.Usuario).HasMaxLength(200);
        builder.Property(l => l.TipoAtividade).HasMaxLength(100);
        builder.Property(l => l.Modulo).HasMaxLength(50);
        builder.Property(l => l.Titulo).HasMaxLength(200);
        builder.Property(l => l.RequestId).HasMaxLength(64);
        builder.HasIndex(l => l.DataHora).IsDescending();
    }
}
