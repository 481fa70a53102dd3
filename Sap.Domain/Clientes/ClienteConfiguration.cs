using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sap.Domain.Data;

namespace Sap.Domain.Clientes;

internal sealed class ClienteConfiguration : IEntityTypeConfiguration<Cliente>
{
    public void Configure(EntityTypeBuilder<Cliente> builder)
    {
        builder.ToTable("cliente", t =>
        {
            t.HasCheckConstraint("ck_cliente_nome", "length(nome) >= 2");
            t.HasCheckConstraint("ck_cliente_cpf_cnpj", "cpf_cnpj IS NULL OR length(cpf_cnpj) IN (11, 14)");
        });
        builder.Property(c => c.Nome).HasMaxLength(255);
        builder.Property(c => c.NomeChave).HasMaxLength(255);
        builder.HasIndex(c => c.NomeChave).IsUnique();
        builder.Property(c => c.Fantasia).HasMaxLength(255);
        builder.Property(c => c.Endereco).HasMaxLength(255);
        builder.Property(c => c.Cidade).HasMaxLength(100);
        builder.Property(c => c.CpfCnpj).HasMaxLength(14);
        builder.Property(c => c.Telefone).HasMaxLength(20);
    }
}
