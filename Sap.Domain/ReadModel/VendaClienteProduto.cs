namespace Sap.Domain.ReadModel;

/// <summary>What a cliente bought of one produto in non-cancelled pedidos, and when it last did (money in centavos).</summary>
public sealed class VendaClienteProduto
{
    public long ClienteId { get; set; }

    public long ProdutoId { get; set; }

    public long Quantidade { get; set; }

    public long ValorCentavos { get; set; }

    public DateTime UltimaCompra { get; set; }
}
