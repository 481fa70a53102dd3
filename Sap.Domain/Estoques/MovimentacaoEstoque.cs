namespace Sap.Domain.Estoques;

/// <summary>One change of a produto's stock, with the quantities before and after.</summary>
public sealed class MovimentacaoEstoque
{
    public long Id { get; set; }

    public long ProdutoId { get; set; }

    public TipoMovimentacao TipoMovimentacao { get; set; }

    public int QuantidadeAnterior { get; set; }

    public int QuantidadeMovimentada { get; set; }

    public int QuantidadeAtual { get; set; }

    public required string Motivo { get; set; }

    public required string Responsavel { get; set; }

    public DateTime DataMovimentacao { get; set; }

    public string? Observacoes { get; set; }
}
