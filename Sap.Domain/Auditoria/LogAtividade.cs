namespace Sap.Domain.Auditoria;

/// <summary>The audit row every write leaves: who, what, when, under which request.</summary>
public sealed class LogAtividade
{
    public long Id { get; set; }

    public DateTime DataHora { get; set; }

    /// <summary>The token subject of the caller.</summary>
    public required string Usuario { get; set; }

    /// <summary>What was done, e.g. "pedido.criado".</summary>
    public required string TipoAtividade { get; set; }

    /// <summary>The module, e.g. "pedidos", "apuracao".</summary>
    public required string Modulo { get; set; }

    public required string Titulo { get; set; }

    public long? EntidadeId { get; set; }

    public string? RequestId { get; set; }

    /// <summary>JSON with the details of the change.</summary>
    public string? DadosExtras { get; set; }
}
