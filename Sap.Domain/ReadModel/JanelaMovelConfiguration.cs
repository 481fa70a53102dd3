using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class JanelaMovelConfiguration : IEntityTypeConfiguration<JanelaMovel>
{
    public void Configure(EntityTypeBuilder<JanelaMovel> builder)
    {
        builder.ToTable("janela_movel");
        builder.HasKey(j => j.Janela);
        builder.Property(j => j.Janela).HasMaxLength(20);
    }
}
