namespace Sap.Domain.Pedidos;

public static class PedidoStatusText
{
    public const string Pendente = "Pendente";
    public const string PagamentoAprovado = "Pagamento Aprovado";
    public const string ColetaParcial = "Coleta Parcial";
    public const string ColetaConcluida = "Coleta Concluída";
    public const string Cancelado = "Cancelado";

    public static IReadOnlyList<string> All { get; } = [Pendente, PagamentoAprovado, ColetaParcial, ColetaConcluida, Cancelado];

    public static string ToText(PedidoStatus status) => status switch
    {
        PedidoStatus.Pendente => Pendente,
        PedidoStatus.PagamentoAprovado => PagamentoAprovado,
        PedidoStatus.ColetaParcial => ColetaParcial,
        PedidoStatus.ColetaConcluida => ColetaConcluida,
        PedidoStatus.Cancelado => Cancelado,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PedidoStatus Parse(string text) => text switch
    {
        Pendente => PedidoStatus.Pendente,
        PagamentoAprovado => PedidoStatus.PagamentoAprovado,
        ColetaParcial => PedidoStatus.ColetaParcial,
        ColetaConcluida => PedidoStatus.ColetaConcluida,
        Cancelado => PedidoStatus.Cancelado,
        _ => throw new FormatException($"Unknown pedido status '{text}'."),
    };
}
