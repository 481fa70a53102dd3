using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sap.Domain.Data;

namespace Sap.Integration.Tests.Infrastructure;

/// <summary>
/// An independent model of SPEC §3: it reads the raw rows back (itens and payments, not the pedidos' stored
/// totals), works in business dates with TimeZoneInfo directly, and computes each response with LINQ to objects.
/// It shares no code with Sap's queries.
/// </summary>
public sealed class Oracle
{
    private static readonly JsonSerializerOptions Plain = new() { WriteIndented = false };

    private readonly Dictionary<long, ClienteRow> clientes;
    private readonly Dictionary<long, string> produtos;
    private readonly List<PedidoRow> pedidos;
    private readonly List<ApuracaoRow> apuracoes;

    private Oracle(Dictionary<long, ClienteRow> clientes, Dictionary<long, string> produtos, List<PedidoRow> pedidos, List<ApuracaoRow> apuracoes)
    {
        this.clientes = clientes;
        this.produtos = produtos;
        this.pedidos = pedidos;
        this.apuracoes = apuracoes;
    }

    public IReadOnlyCollection<long> ClienteIds => clientes.Keys;

    public IEnumerable<(int Ano, int Mes)> ApuracaoMonths => apuracoes.Select(a => (a.Ano, a.Mes));

    /// <summary>The cliente with the most pedidos (the heaviest detail page).</summary>
    public long LargestCliente => pedidos.GroupBy(p => p.ClienteId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    public static async Task<Oracle> LoadAsync(DatabaseSettings db)
    {
        var clientes = (await Sql.RowsAsync(db, "SELECT id, nome, fantasia, endereco, cidade, cpf_cnpj, telefone FROM cliente"))
            .Select(r => new ClienteRow(L(r[0]), (string)r[1]!, S(r[2]), S(r[3]), S(r[4]), S(r[5]), S(r[6])))
            .ToDictionary(c => c.Id);
        var produtos = (await Sql.RowsAsync(db, "SELECT id, nome FROM produto")).ToDictionary(r => L(r[0]), r => (string)r[1]!);
        var itens = (await Sql.RowsAsync(db, "SELECT id, pedido_id, produto_id, quantidade, preco_venda, preco_compra FROM item_pedido"))
            .Select(r => new ItemRow(L(r[0]), L(r[1]), L(r[2]), (int)L(r[3]), D(r[4]), D(r[5])))
            .ToLookup(i => i.PedidoId);
        var pagamentos = (await Sql.RowsAsync(db, "SELECT pedido_id, valor FROM pagamento WHERE status = 'aprovado'"))
            .ToLookup(r => L(r[0]), r => D(r[1]));
        var pedidos = (await Sql.RowsAsync(db, "SELECT id, cliente_id, data, status FROM pedido"))
            .Select(r =>
            {
                var id = L(r[0]);
                var data = Utc(r[2]!);
                return new PedidoRow(id, L(r[1]), data, BusinessDate(data), (string)r[3]!,
                    [.. itens[id].OrderBy(i => i.Id)], pagamentos[id].Sum());
            })
            .ToList();
        var apuracoes = (await Sql.RowsAsync(db, """
            SELECT id, mes, ano, receita_total, custo_produtos, verba_scann, verba_plano_negocios, verba_time_ambev,
                   verba_outras_receitas, outros_custos, definitivo, data_criacao, data_atualizacao FROM apuracao
            """))
            .Select(r => new ApuracaoRow(L(r[0]), (int)L(r[1]), (int)L(r[2]), D(r[3]), D(r[4]), D(r[5]), D(r[6]), D(r[7]), D(r[8]), D(r[9]),
                Convert.ToBoolean(r[10], CultureInfo.InvariantCulture), Utc(r[11]!), Utc(r[12]!)))
            .ToList();
        return new Oracle(clientes, produtos, pedidos, apuracoes);
    }

    public static DateOnly BusinessDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Seed.SaoPaulo));

    public JsonNode Dashboard(DateOnly today, DateOnly? inicio, DateOnly? fim)
    {
        (inicio, fim) = Ordered(inicio, fim);
        var (faturamento, margem) = ClienteRankings(inicio, fim, 10);
        return Node(new
        {
            resumo = Resumo(today),
            ranking_faturamento = faturamento,
            ranking_margem = margem,
            ranking_produtos = Sold(inicio, fim)
                .SelectMany(p => p.Itens)
                .GroupBy(i => i.ProdutoId)
                .Select(g => new { produto_id = g.Key, nome = produtos[g.Key], valor_total = g.Sum(i => i.Venda), quantidade_total = g.Sum(i => (long)i.Quantidade) })
                .OrderByDescending(x => x.valor_total).ThenBy(x => x.produto_id).Take(10).ToList(),
            intervalo = new { inicio = DateText(inicio), fim = DateText(fim) },
        });
    }

    public JsonNode Rankings(DateOnly today, string periodo, DateOnly? inicio, DateOnly? fim)
    {
        if (inicio is null && fim is null)
        {
            var back = periodo switch { "ultimo_mes" => 30, "ultimos_3_meses" => 90, "ultimos_6_meses" => 180, "ultimo_ano" => 365, _ => (int?)null };
            if (back is { } days)
            {
                (inicio, fim) = (today.AddDays(-days), today);
            }
        }

        (inicio, fim) = Ordered(inicio, fim);
        var (faturamento, margem) = ClienteRankings(inicio, fim, 20);
        var diversidade = Sold(inicio, fim)
            .GroupBy(p => p.ClienteId)
            .Select(g => new
            {
                cliente_id = g.Key,
                nome = clientes[g.Key].Nome,
                produtos_diferentes = (long)g.SelectMany(p => p.Itens).Select(i => i.ProdutoId).Distinct().Count(),
                valor_total = g.Sum(p => p.Total),
            })
            .OrderByDescending(x => x.produtos_diferentes).ThenBy(x => x.cliente_id).Take(20).ToList();
        return Node(new { faturamento, diversidade, margem, periodo, intervalo = new { inicio = DateText(inicio), fim = DateText(fim) } });
    }

    public JsonNode? Cliente(long id, int limite)
    {
        if (!clientes.TryGetValue(id, out var c))
        {
            return null;
        }

        var own = pedidos.Where(p => p.ClienteId == id).ToList();
        var valid = own.Where(p => p.Status != "Cancelado").ToList();
        var total = valid.Sum(p => p.Total);
        var primeiro = valid.OrderBy(p => p.Data).ThenBy(p => p.Id).FirstOrDefault();
        var ultimo = valid.OrderByDescending(p => p.Data).ThenBy(p => p.Id).FirstOrDefault();
        return Node(new
        {
            cliente = new { id = c.Id, nome = c.Nome, fantasia = c.Fantasia, endereco = c.Endereco, cidade = c.Cidade, cpf_cnpj = c.CpfCnpj, telefone = c.Telefone },
            estatisticas = new
            {
                total_gasto = total,
                total_pedidos = valid.Count,
                ticket_medio = valid.Count == 0 ? 0m : Math.Round(total / valid.Count, 2, MidpointRounding.AwayFromZero),
                produtos_diferentes = valid.SelectMany(p => p.Itens).Select(i => i.ProdutoId).Distinct().Count(),
                primeiro_pedido = primeiro is null ? null : new { id = primeiro.Id, data = primeiro.Data },
                ultimo_pedido = ultimo is null ? null : new { id = ultimo.Id, data = ultimo.Data },
            },
            pedidos = own.OrderByDescending(p => p.Data).ThenBy(p => p.Id).Take(limite).Select(p => new
            {
                id = p.Id,
                data = p.Data,
                valor_total = p.Total,
                status = p.Status,
                status_pagamento = p.Total <= 0 ? "Sem Valor" : p.Pago >= p.Total ? "Pago" : p.Pago > 0 ? "Parcial" : "Pendente",
                itens = p.Itens.Select(i => new
                {
                    produto_id = i.ProdutoId,
                    produto_nome = produtos[i.ProdutoId],
                    quantidade = i.Quantidade,
                    preco_unitario = i.PrecoVenda,
                    subtotal = i.Venda,
                }).ToList(),
            }).ToList(),
        });
    }

    public JsonNode Clientes(DateOnly today, string periodo)
    {
        var rows = LastPurchases()
            .Select(x => new
            {
                id = x.Cliente.Id,
                nome = x.Cliente.Nome,
                fantasia = x.Cliente.Fantasia,
                telefone = x.Cliente.Telefone,
                ultima_compra = x.Last.Data,
                valor_ultima_compra = x.Last.Total,
                dias_sem_comprar = today.DayNumber - x.Last.BusinessDate.DayNumber,
            })
            .Where(x => periodo switch
            {
                "7" => x.dias_sem_comprar > 7 && x.dias_sem_comprar <= 15,
                "15" => x.dias_sem_comprar > 15 && x.dias_sem_comprar <= 30,
                "30" => x.dias_sem_comprar > 30,
                _ => true,
            })
            .OrderByDescending(x => x.dias_sem_comprar).ThenBy(x => x.id)
            .ToList();
        return Node(new { clientes = rows });
    }

    public JsonNode? ClienteProdutos(long id)
    {
        if (!clientes.ContainsKey(id))
        {
            return null;
        }

        var rows = pedidos.Where(p => p.ClienteId == id && p.Status != "Cancelado")
            .SelectMany(p => p.Itens.Select(i => (Item: i, p.Data)))
            .GroupBy(x => x.Item.ProdutoId)
            .Select(g =>
            {
                var quantidade = g.Sum(x => (long)x.Item.Quantidade);
                return new
                {
                    produto_id = g.Key,
                    produto = produtos[g.Key],
                    quantidade_total = quantidade,
                    preco_medio = Math.Round(g.Sum(x => x.Item.Venda) / quantidade, 2, MidpointRounding.AwayFromZero),
                    ultima_compra = g.Max(x => x.Data),
                };
            })
            .OrderByDescending(x => x.quantidade_total).ThenBy(x => x.produto_id)
            .ToList();
        return Node(new { produtos = rows });
    }

    public JsonNode Busca(string q)
    {
        var term = Fold(q.Trim());
        if (term.Length == 0)
        {
            return Node(new { clientes = Array.Empty<object>() });
        }

        var last = LastPurchases().ToDictionary(x => x.Cliente.Id, x => x.Last);
        var rows = clientes.Values
            .Where(c => Fold(c.Nome).Contains(term, StringComparison.Ordinal) || Fold(c.Fantasia ?? "").Contains(term, StringComparison.Ordinal))
            .OrderBy(c => c.Nome.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(c => c.Id)
            .Take(10)
            .Select(c => new
            {
                id = c.Id,
                nome = c.Nome,
                fantasia = c.Fantasia,
                ultima_compra = last.TryGetValue(c.Id, out var p) ? p.Data : (DateTime?)null,
                valor_ultima_compra = last.TryGetValue(c.Id, out var v) ? v.Total : (decimal?)null,
            })
            .ToList();
        return Node(new { clientes = rows });
    }

    public JsonNode Apuracao(int ano, int mes, DateOnly today)
    {
        string[] nomes = ["Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho", "Julho", "Agosto", "Setembro", "Outubro", "Novembro", "Dezembro"];
        var month = pedidos.Where(p => p.Status != "Cancelado" && p.BusinessDate.Year == ano && p.BusinessDate.Month == mes).ToList();
        var paid = month.Where(p => p.Total > 0 && p.Pago >= p.Total).ToList();
        var a = apuracoes.SingleOrDefault(x => x.Ano == ano && x.Mes == mes);
        var anos = apuracoes.Select(x => x.Ano).Distinct().OrderByDescending(x => x).ToList();
        return Node(new
        {
            periodo = new { mes, ano, mes_nome = nomes[mes - 1] },
            apuracao = a is null ? null : new
            {
                id = a.Id,
                mes = a.Mes,
                ano = a.Ano,
                mes_nome = nomes[a.Mes - 1],
                receita_total = a.Receita,
                custo_produtos = a.Custo,
                verbas = new { scann = a.Scann, plano_negocios = a.Plano, time_ambev = a.TimeAmbev, outras_receitas = a.Outras },
                total_verbas = a.Scann + a.Plano + a.TimeAmbev + a.Outras,
                outros_custos = a.OutrosCustos,
                margem_bruta = a.Receita - a.Custo,
                resultado_liquido = a.Receita - a.Custo + a.Scann + a.Plano + a.TimeAmbev + a.Outras - a.OutrosCustos,
                percentual_margem = a.Receita <= 0 ? 0m : Math.Round((a.Receita - a.Custo) * 100 / a.Receita, 2, MidpointRounding.AwayFromZero),
                definitivo = a.Definitivo,
                status = a.Definitivo ? "Definitivo" : "Rascunho",
                data_criacao = a.Criacao,
                data_atualizacao = a.Atualizacao,
            },
            calculado = new { receita = paid.Sum(p => p.Total), cpv = paid.Sum(p => p.Custo), pedidos_periodo = month.Count, pedidos_pagos = paid.Count },
            anos_disponiveis = anos.Count == 0 ? [today.Year] : anos,
        });
    }

    private object Resumo(DateOnly today)
    {
        var dias = LastPurchases().Select(x => today.DayNumber - x.Last.BusinessDate.DayNumber).ToList();
        return new
        {
            total_clientes = clientes.Count,
            sem_compra_7_dias = dias.Count(d => d > 7 && d <= 15),
            sem_compra_15_dias = dias.Count(d => d > 15 && d <= 30),
            sem_compra_30_dias = dias.Count(d => d > 30),
        };
    }

    private (object Faturamento, object Margem) ClienteRankings(DateOnly? inicio, DateOnly? fim, int rows)
    {
        var byCliente = Sold(inicio, fim)
            .GroupBy(p => p.ClienteId)
            .Select(g => (Id: g.Key, Valor: g.Sum(p => p.Total), Custo: g.Sum(p => p.Custo), Pedidos: g.Count()))
            .ToList();
        var faturamento = byCliente.OrderByDescending(x => x.Valor).ThenBy(x => x.Id).Take(rows)
            .Select(x => new { cliente_id = x.Id, nome = clientes[x.Id].Nome, valor_total = x.Valor, custo_total = x.Custo, total_pedidos = x.Pedidos })
            .ToList();
        var margem = byCliente.OrderByDescending(x => x.Valor - x.Custo).ThenBy(x => x.Id).Take(rows)
            .Select(x => new
            {
                cliente_id = x.Id,
                nome = clientes[x.Id].Nome,
                lucro_total = x.Valor - x.Custo,
                margem_media = x.Valor <= 0 ? 0m : Math.Round((x.Valor - x.Custo) * 100 / x.Valor, 2, MidpointRounding.AwayFromZero),
            })
            .ToList();
        return (faturamento, margem);
    }

    private IEnumerable<PedidoRow> Sold(DateOnly? inicio, DateOnly? fim) =>
        pedidos.Where(p => p.Status != "Cancelado" && (inicio is null || p.BusinessDate >= inicio) && (fim is null || p.BusinessDate <= fim));

    private IEnumerable<(ClienteRow Cliente, PedidoRow Last)> LastPurchases() =>
        pedidos.Where(p => p.Status != "Cancelado")
            .GroupBy(p => p.ClienteId)
            .Select(g => (clientes[g.Key], g.OrderByDescending(p => p.Data).ThenBy(p => p.Id).First()));

    private static (DateOnly?, DateOnly?) Ordered(DateOnly? a, DateOnly? b) => a is { } x && b is { } y && x > y ? (y, x) : (a, b);

    private static string? DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fold(string text)
    {
        var d = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. d.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC);
    }

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value, Plain)!;

    private static long L(object? v) => Convert.ToInt64(v, CultureInfo.InvariantCulture);

    private static decimal D(object? v) => v is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : Convert.ToDecimal(v, CultureInfo.InvariantCulture);

    private static string? S(object? v) => v as string;

    private static DateTime Utc(object v) => v switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => throw new InvalidCastException(v.GetType().Name),
    };

    private sealed record ClienteRow(long Id, string Nome, string? Fantasia, string? Endereco, string? Cidade, string? CpfCnpj, string? Telefone);

    private sealed record ItemRow(long Id, long PedidoId, long ProdutoId, int Quantidade, decimal PrecoVenda, decimal PrecoCompra)
    {
        public decimal Venda => Quantidade * PrecoVenda;

        public decimal Compra => Quantidade * PrecoCompra;
    }

    private sealed record PedidoRow(long Id, long ClienteId, DateTime Data, DateOnly BusinessDate, string Status, List<ItemRow> Itens, decimal Pago)
    {
        public decimal Total => Itens.Sum(i => i.Venda);

        public decimal Custo => Itens.Sum(i => i.Compra);
    }

    private sealed record ApuracaoRow(
        long Id, int Mes, int Ano, decimal Receita, decimal Custo, decimal Scann, decimal Plano, decimal TimeAmbev, decimal Outras,
        decimal OutrosCustos, bool Definitivo, DateTime Criacao, DateTime Atualizacao);
}
