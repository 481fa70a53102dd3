using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sap.Domain.ReadModel;

internal sealed class VendaClienteProdutoConfiguration : IEntityTypeConfiguration<VendaClienteProduto>
{
    public void Configure(EntityTypeBuilder<VendaClienteProduto> builder)
    {
        builder.ToTable("venda_cliente_produto");
        builder.HasKey(v => new { v.ClienteId, v.ProdutoId });
    }
}
