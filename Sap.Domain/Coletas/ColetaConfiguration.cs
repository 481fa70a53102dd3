using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Coletas;

internal sealed class ColetaConfiguration : IEntityTypeConfiguration<Coleta>
{
    public void Configure(EntityTypeBuilder<Coleta> builder)
    {
        builder.ToTable("coleta", t => t.HasCheckConstraint(
            "ck_coleta_status", Checks.OneOf("status", [EnumText.ParcialmenteColetado, EnumText.TotalmenteColetado])));
        builder.Property(c => c.Responsavel).HasMaxLength(200);
        builder.Property(c => c.NomeRetirada).HasMaxLength(100);
        builder.Property(c => c.DocumentoRetirada).HasMaxLength(20);
        builder.Property(c => c.Status)
            .HasConversion(s => EnumText.Of(s), t => EnumText.ParseColeta(t))
            .HasMaxLength(25);
        builder.Property(c => c.Observacoes).HasMaxLength(500);
        builder.Property(c => c.NomeConferente).HasMaxLength(100);
        builder.Property(c => c.CpfConferente).HasMaxLength(20);
        builder.HasOne(c => c.Pedido).WithMany().HasForeignKey(c => c.PedidoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Itens).WithOne().HasForeignKey(i => i.ColetaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PedidoId);
    }
}
