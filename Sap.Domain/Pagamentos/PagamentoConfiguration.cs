using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Pagamentos;

internal sealed class PagamentoConfiguration : IEntityTypeConfiguration<Pagamento>
{
    public void Configure(EntityTypeBuilder<Pagamento> builder)
    {
        builder.ToTable("pagamento", t =>
        {
            t.HasCheckConstraint("ck_pagamento_valor", Checks.Positive("valor"));
            t.HasCheckConstraint("ck_pagamento_status", Checks.OneOf("status", [EnumText.Aprovado, EnumText.Rejeitado]));
        });
        builder.Property(p => p.MetodoPagamento).HasMaxLength(50);
        builder.Property(p => p.IdTransacao).HasMaxLength(255);
        builder.HasIndex(p => p.IdTransacao).IsUnique();
        builder.Property(p => p.Observacoes).HasMaxLength(1000);
        builder.Property(p => p.Status)
            .HasConversion(s => EnumText.Of(s), t => EnumText.ParsePagamento(t))
            .HasMaxLength(10);
        builder.HasIndex(p => p.PedidoId);
    }
}
