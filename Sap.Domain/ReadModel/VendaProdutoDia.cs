namespace Sap.Domain.ReadModel;

/// <summary>A produto's sales on one business day (money in centavos), moved here from <see cref="VendaProdutoDelta"/>.</summary>
public sealed class VendaProdutoDia
{
    public long ProdutoId { get; set; }

    public DateOnly Dia { get; set; }

    public long ValorCentavos { get; set; }

    public long Quantidade { get; set; }
}
