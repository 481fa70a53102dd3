using Sap.Domain.Produtos;

namespace Sap.Domain.Estoques;

/// <summary>The stock of one produto (one row per produto). Pickups lower it under a row lock, never below zero.</summary>
public sealed class Estoque
{
    public long Id { get; set; }

    public long ProdutoId { get; set; }

    public Produto? Produto { get; set; }

    public int Quantidade { get; set; }

    public required string Conferente { get; set; }

    public DateTime DataConferencia { get; set; }

    public DateTime DataEntrada { get; set; }

    public DateTime DataModificacao { get; set; }

    /// <summary>How the last count was made: "Contagem", "Entrada por NF", "Saída por coleta".</summary>
    public required string Status { get; set; }
}
