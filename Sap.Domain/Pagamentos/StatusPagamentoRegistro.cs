namespace Sap.Domain.Pagamentos;

/// <summary>The state of one payment record: stored as <c>aprovado</c> or <c>rejeitado</c>.</summary>
public enum StatusPagamentoRegistro
{
    Aprovado,
    Rejeitado,
}
