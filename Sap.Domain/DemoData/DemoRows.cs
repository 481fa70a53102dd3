namespace Sap.Domain.DemoData;

// The rows demo-data writes, one type per table, each naming its columns in the order it writes them.
// They bypass EF on purpose: a million pedidos go in through PostgreSQL's binary COPY.
internal interface IDemoRow
{
    static abstract DemoTable Table { get; }

    void WriteTo(IRowWriter w);
}

internal sealed record ClienteRow(
    long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone, DateTime DataCadastro)
    : IDemoRow
{
    public static DemoTable Table { get; } = new("cliente",
        ["id", "nome", "nome_chave", "fantasia", "endereco", "cidade", "cpf_cnpj", "telefone", "data_cadastro"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Text(Nome);
        w.Text(NameKey.Of(Nome));
        w.Text(Fantasia);
        w.Text(Endereco);
        w.Text(Cidade);
        w.Text(CpfCnpj);
        w.Text(Telefone);
        w.Instant(DataCadastro);
    }
}

internal sealed record ProdutoRow(long Id, string Nome, string CodigoInterno, string Categoria, decimal PrecoMedioCompra, string Ean)
    : IDemoRow
{
    public static DemoTable Table { get; } = new("produto",
        ["id", "nome", "nome_chave", "codigo_interno", "categoria", "preco_medio_compra", "ean"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Text(Nome);
        w.Text(NameKey.Of(Nome));
        w.Text(CodigoInterno);
        w.Text(Categoria);
        w.Decimal(PrecoMedioCompra);
        w.Text(Ean);
    }
}

internal sealed record EstoqueRow(long Id, long ProdutoId, int Quantidade, DateTime Data) : IDemoRow
{
    public static DemoTable Table { get; } = new("estoque",
        ["id", "produto_id", "quantidade", "conferente", "data_conferencia", "data_entrada", "data_modificacao", "status"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(ProdutoId);
        w.Int32(Quantidade);
        w.Text("demo-data");
        w.Instant(Data);
        w.Instant(Data);
        w.Instant(Data);
        w.Text("Entrada por NF");
    }
}

internal sealed record MovimentacaoRow(long Id, long ProdutoId, int Quantidade, DateTime Data) : IDemoRow
{
    public static DemoTable Table { get; } = new("movimentacao_estoque",
        ["id", "produto_id", "tipo_movimentacao", "quantidade_anterior", "quantidade_movimentada", "quantidade_atual", "motivo", "responsavel", "data_movimentacao", "observacoes"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(ProdutoId);
        w.Text("Entrada");
        w.Int32(0);
        w.Int32(Quantidade);
        w.Int32(Quantidade);
        w.Text("Estoque inicial");
        w.Text("demo-data");
        w.Instant(Data);
        w.Text(null);
    }
}

internal sealed record PedidoRow(
    long Id, long ClienteId, DateTime Data, string Status, bool ConfirmadoComercial, DateTime? DataConfirmacao,
    decimal ValorTotal, decimal CustoTotal, decimal ValorPago)
    : IDemoRow
{
    public static DemoTable Table { get; } = new("pedido",
        ["id", "cliente_id", "data", "status", "confirmado_comercial", "confirmado_por", "data_confirmacao", "versao", "valor_total", "custo_total", "valor_pago"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(ClienteId);
        w.Instant(Data);
        w.Text(Status);
        w.Bool(ConfirmadoComercial);
        w.Text(ConfirmadoComercial ? "comercial" : null);
        w.Instant(DataConfirmacao);
        w.Int32(0);
        w.Decimal(ValorTotal);
        w.Decimal(CustoTotal);
        w.Decimal(ValorPago);
    }
}

internal sealed record ItemPedidoRow(
    long Id, long PedidoId, long ProdutoId, int Quantidade, decimal PrecoVenda, decimal PrecoCompra,
    decimal ValorTotalVenda, decimal ValorTotalCompra)
    : IDemoRow
{
    public static DemoTable Table { get; } = new("item_pedido",
        ["id", "pedido_id", "produto_id", "quantidade", "preco_venda", "preco_compra", "valor_total_venda", "valor_total_compra", "lucro_bruto"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(PedidoId);
        w.Int64(ProdutoId);
        w.Int32(Quantidade);
        w.Decimal(PrecoVenda);
        w.Decimal(PrecoCompra);
        w.Decimal(ValorTotalVenda);
        w.Decimal(ValorTotalCompra);
        w.Decimal(ValorTotalVenda - ValorTotalCompra);
    }
}

internal sealed record PagamentoRow(long Id, long PedidoId, decimal Valor, DateTime Data, string Metodo, bool Rejeitado) : IDemoRow
{
    public static DemoTable Table { get; } = new("pagamento",
        ["id", "pedido_id", "valor", "data_pagamento", "metodo_pagamento", "id_transacao", "observacoes", "status"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(PedidoId);
        w.Decimal(Valor);
        w.Instant(Data);
        w.Text(Metodo);
        w.Text(FormattableString.Invariant($"TX{Id:D10}"));
        w.Text(Rejeitado ? "Estornado pelo banco" : null);
        w.Text(Rejeitado ? "rejeitado" : "aprovado");
    }
}

internal sealed record ColetaRow(long Id, long PedidoId, DateTime Data, string NomeRetirada, string Documento, bool Completa) : IDemoRow
{
    public static DemoTable Table { get; } = new("coleta",
        ["id", "pedido_id", "data_coleta", "responsavel", "nome_retirada", "documento_retirada", "status", "observacoes", "nome_conferente", "cpf_conferente"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(PedidoId);
        w.Instant(Data);
        w.Text("logistica");
        w.Text(NomeRetirada);
        w.Text(Documento);
        w.Text(Completa ? "Totalmente Coletado" : "Parcialmente Coletado");
        w.Text(null);
        w.Text(null);
        w.Text(null);
    }
}

internal sealed record ItemColetadoRow(long Id, long ColetaId, long ItemPedidoId, int Quantidade) : IDemoRow
{
    public static DemoTable Table { get; } = new("item_coletado", ["id", "coleta_id", "item_pedido_id", "quantidade_coletada"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int64(ColetaId);
        w.Int64(ItemPedidoId);
        w.Int32(Quantidade);
    }
}

internal sealed record ApuracaoRow(
    long Id, int Mes, int Ano, decimal Receita, decimal Custo, decimal Scann, decimal PlanoNegocios, decimal TimeAmbev,
    decimal OutrasReceitas, decimal OutrosCustos, bool Definitivo, DateTime Data)
    : IDemoRow
{
    public static DemoTable Table { get; } = new("apuracao",
        ["id", "mes", "ano", "receita_total", "custo_produtos", "verba_scann", "verba_plano_negocios", "verba_time_ambev", "verba_outras_receitas", "outros_custos", "definitivo", "data_criacao", "data_atualizacao", "criado_por"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Int32(Mes);
        w.Int32(Ano);
        w.Decimal(Receita);
        w.Decimal(Custo);
        w.Decimal(Scann);
        w.Decimal(PlanoNegocios);
        w.Decimal(TimeAmbev);
        w.Decimal(OutrasReceitas);
        w.Decimal(OutrosCustos);
        w.Bool(Definitivo);
        w.Instant(Data);
        w.Instant(Data);
        w.Text("financeiro");
    }
}

internal sealed record LogAtividadeRow(long Id, DateTime Data, string DadosExtras) : IDemoRow
{
    public static DemoTable Table { get; } = new("log_atividade",
        ["id", "data_hora", "usuario", "tipo_atividade", "modulo", "titulo", "entidade_id", "request_id", "dados_extras"]);

    public void WriteTo(IRowWriter w)
    {
        w.Int64(Id);
        w.Instant(Data);
        w.Text("demo-data");
        w.Text("demo.carregado");
        w.Text("sistema");
        w.Text("Carga de dados de demonstração");
        w.Null();
        w.Text(null);
        w.Text(DadosExtras);
    }
}
