using System.Globalization;
using Sap.Domain.Clientes;
using Sap.Domain.Pedidos;
using Sap.Domain.Produtos;
using Sap.Domain.Time;

namespace Sap.Domain.DemoData;

/// <summary>
/// Makes realistic demo rows from a seed and a reference date. One <see cref="Random"/> is drawn from in a
/// fixed order, so the same options always give the same rows, whatever the chunk size.
/// Call <see cref="Reference"/>, then enumerate <see cref="Pedidos"/>, then <see cref="Closing"/>.
/// </summary>
internal sealed class DemoDataGenerator
{
    private static readonly int[] ItemCountWeights = [10, 15, 20, 18, 14, 10, 8, 5];

    private readonly DemoDataOptions options;
    private readonly BusinessCalendar calendar;
    private readonly Random rng;
    private readonly DateTime todayStart;
    private readonly DateTime lastInstant;
    private readonly List<ProdutoRow> produtos = [];
    private readonly List<double> produtoCumulative = [];
    private readonly List<ClientePlan> clientes = [];
    private readonly SortedDictionary<(int Ano, int Mes), (decimal Receita, decimal Cpv)> paidByMonth = [];
    private double produtoPopularity;
    private long nextItemId = 1;
    private long nextPagamentoId = 1;
    private long nextColetaId = 1;
    private long nextItemColetadoId = 1;

    public DemoDataGenerator(DemoDataOptions options, BusinessCalendar calendar)
    {
        this.options = options;
        this.calendar = calendar;
        rng = new Random(options.Seed);
        todayStart = calendar.StartOfDayUtc(options.Today);
        // Everything happens before the reference day begins, so nothing lies in its future.
        lastInstant = todayStart.AddMinutes(-1);
    }

    private int SpanDays => options.Today.DayNumber - options.Today.AddMonths(-DemoDataOptions.Months).DayNumber;

    /// <summary>Produtos with their stock, and clientes.</summary>
    public DemoBatch Reference()
    {
        var batch = new DemoBatch();
        MakeProdutos(batch);
        MakeClientes(batch);
        return batch;
    }

    /// <summary>Pedidos with their itens, pagamentos and coletas, in chunks of about <paramref name="chunkSize"/> pedidos.</summary>
    public IEnumerable<DemoBatch> Pedidos(int chunkSize)
    {
        var headers = PlanPedidos();
        var batch = new DemoBatch();
        for (var i = 0; i < headers.Length; i++)
        {
            MakePedido(batch, i + 1, headers[i]);
            if (batch.Pedidos.Count == chunkSize)
            {
                yield return batch;
                batch = new DemoBatch();
            }
        }

        if (batch.Pedidos.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Apurações of the twelve closed months before the reference month, and the audit row of the load.</summary>
    public DemoBatch Closing()
    {
        var batch = new DemoBatch();
        var current = new DateOnly(options.Today.Year, options.Today.Month, 1);
        for (var back = 12; back >= 1; back--)
        {
            var month = current.AddMonths(-back);
            var (receita, cpv) = paidByMonth.GetValueOrDefault((month.Year, month.Month));
            var created = Min(calendar.StartOfDayUtc(month.AddMonths(1).AddDays(3)).AddHours(10), lastInstant);
            batch.Apuracoes.Add(new ApuracaoRow(
                batch.Apuracoes.Count + 1,
                month.Month,
                month.Year,
                receita,
                cpv,
                Share(receita, 0.02),
                Share(receita, 0.015),
                Share(receita, 0.01),
                Share(receita, 0.005),
                Money.Round2(receita * (decimal)(0.01 + (rng.NextDouble() * 0.02))),
                back > 2,
                created));
        }

        var extras = string.Create(CultureInfo.InvariantCulture,
            $$"""{"scale":"{{options.Scale.ToString().ToLowerInvariant()}}","seed":{{options.Seed}},"today":"{{options.Today:yyyy-MM-dd}}"}""");
        batch.Logs.Add(new LogAtividadeRow(1, lastInstant, extras));
        return batch;
    }

    private void MakeProdutos(DemoBatch batch)
    {
        var bebidas = new List<(string Nome, Categoria Categoria, decimal Preco)>();
        foreach (var (embalagem, preco, para) in DemoCatalog.Embalagens)
        {
            foreach (var (marca, categoria, fator) in DemoCatalog.Marcas)
            {
                if (para.Contains(categoria))
                {
                    bebidas.Add(($"{marca} {embalagem}", categoria, Money.Round2(preco * fator)));
                }
            }
        }

        // One "outros" item after every six drinks, so that even the small catalogue has some.
        var ordered = new List<(string Nome, Categoria Categoria, decimal Preco)>();
        var outros = new Queue<(string Nome, decimal Preco)>(DemoCatalog.Outros);
        for (var i = 0; i < bebidas.Count && ordered.Count < options.Produtos; i++)
        {
            ordered.Add(bebidas[i]);
            if (i % 6 == 5 && outros.TryDequeue(out var outro) && ordered.Count < options.Produtos)
            {
                ordered.Add((outro.Nome, Categoria.OUTROS, outro.Preco));
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var id = i + 1L;
            var (nome, categoria, preco) = ordered[i];
            produtos.Add(new ProdutoRow(id, nome, $"P{id:0000}", categoria.ToString(), preco, Ean13(id)));
            // Popularity falls with the catalogue rank, as in a real assortment.
            produtoPopularity += 1.0 / (i + 4);
            produtoCumulative.Add(produtoPopularity);
            var entrada = calendar.StartOfDayUtc(options.Today.AddMonths(-DemoDataOptions.Months).AddDays(-30)).AddHours(9);
            var quantidade = 200 + rng.Next(4800);
            batch.Estoques.Add(new EstoqueRow(id, id, quantidade, entrada));
            batch.Movimentacoes.Add(new MovimentacaoRow(id, id, quantidade, entrada));
        }

        batch.Produtos.AddRange(produtos);
    }

    private void MakeClientes(DemoBatch batch)
    {
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= options.Clientes; i++)
        {
            var tipo = Pick(DemoCatalog.TiposDeLoja);
            var nomeBase = $"{tipo} {Pick(DemoCatalog.NomesDeLoja)}";
            var nome = nomeBase;
            for (var n = 2; !usedNames.Add(NameKey.Of(nome)); n++)
            {
                nome = $"{nomeBase} {n}";
            }

            var cidade = Pick(DemoCatalog.Cidades);
            var fantasia = rng.NextDouble() < 0.3 ? null : $"{nome.ToUpperInvariant()} - {cidade.ToUpperInvariant()}";
            var documento = rng.NextDouble() switch
            {
                < 0.05 => null,
                < 0.25 => Cpf(),
                _ => Cnpj(),
            };
            var telefone = rng.NextDouble() < 0.1 ? null : $"{11 + rng.Next(8)}9{rng.Next(10_000_000, 100_000_000)}";
            var endereco = $"{Pick(DemoCatalog.Ruas)}, {1 + rng.Next(3000)}";

            // Where the cliente's last purchase falls decides the dashboard bucket it lands in.
            var lastOffset = rng.NextDouble() switch
            {
                < 0.55 => 1 + rng.Next(7),
                < 0.70 => 8 + rng.Next(8),
                < 0.82 => 16 + rng.Next(15),
                < 0.95 => 31 + rng.Next(Math.Max(1, (SpanDays / 2) - 31)),
                _ => -1,
            };
            var firstOffset = lastOffset < 0 ? -1 : lastOffset + rng.Next(Math.Max(1, SpanDays - lastOffset));
            var weight = 1 + (40 * Math.Pow(rng.NextDouble(), 4));
            var cadastroOffset = (lastOffset < 0 ? rng.Next(SpanDays) : firstOffset) + 1 + rng.Next(60);
            var cadastro = calendar.StartOfDayUtc(options.Today.AddDays(-cadastroOffset)).AddHours(8 + rng.Next(10));

            clientes.Add(new ClientePlan(i, lastOffset, firstOffset, lastOffset < 0 ? 0 : weight));
            batch.Clientes.Add(new ClienteRow(i, nome, fantasia, endereco, cidade, documento, telefone, cadastro));
        }
    }

    /// <summary>Who buys when: one pedido on each active cliente's last day, the rest spread by weight. Sorted, so ids follow time.</summary>
    private (int Cliente, DateTime Data)[] PlanPedidos()
    {
        var active = clientes.Where(c => c.Weight > 0).ToList();
        var cumulative = new List<double>(active.Count);
        var sum = 0.0;
        foreach (var c in active)
        {
            sum += c.Weight;
            cumulative.Add(sum);
        }

        var headers = new (int Cliente, DateTime Data)[Math.Max(options.Pedidos, active.Count)];
        for (var i = 0; i < headers.Length; i++)
        {
            var cliente = i < active.Count ? active[i] : active[Index(cumulative, rng.NextDouble() * sum)];
            var offset = i < active.Count ? cliente.LastOffset : cliente.LastOffset + rng.Next(cliente.FirstOffset - cliente.LastOffset + 1);
            headers[i] = (cliente.Id, AtBusinessHours(options.Today.AddDays(-offset)));
        }

        Array.Sort(headers, (a, b) => a.Data != b.Data ? a.Data.CompareTo(b.Data) : a.Cliente.CompareTo(b.Cliente));
        return headers;
    }

    private void MakePedido(DemoBatch batch, long id, (int Cliente, DateTime Data) header)
    {
        var age = calendar.DaysBetween(header.Data, options.Today);
        var itens = MakeItens(batch, id);
        var total = itens.Sum(i => i.ValorTotalVenda);
        var custo = itens.Sum(i => i.ValorTotalCompra);

        var fate = rng.NextDouble();
        if (fate < 0.04)
        {
            batch.Pedidos.Add(new PedidoRow(id, header.Cliente, header.Data, PedidoStatusText.Cancelado, false, null, total, custo, 0m));
            return;
        }

        var paidShare = age >= 3 ? 0.86 : 0.35;
        var partialShare = age >= 3 ? 0.05 : 0.10;
        var pago = 0m;
        var lastPayment = header.Data;
        if (fate < 0.04 + paidShare)
        {
            (pago, lastPayment) = Pay(batch, id, header.Data, total, full: true);
        }
        else if (fate < 0.04 + paidShare + partialShare)
        {
            (pago, lastPayment) = Pay(batch, id, header.Data, total, full: false);
        }

        var status = PedidoRules.AfterPaymentsChanged(PedidoStatus.Pendente, total, pago);
        if (status == PedidoStatus.PagamentoAprovado)
        {
            status = PickUp(batch, id, itens, lastPayment, age) ?? status;
        }

        batch.Pedidos.Add(new PedidoRow(
            id, header.Cliente, header.Data, PedidoStatusText.ToText(status), true, header.Data.AddMinutes(30), total, custo, pago));
        if (PedidoRules.IsFullyPaid(total, pago))
        {
            var date = calendar.DateOf(header.Data);
            var (receita, cpv) = paidByMonth.GetValueOrDefault((date.Year, date.Month));
            paidByMonth[(date.Year, date.Month)] = (receita + total, cpv + custo);
        }
    }

    private List<ItemPedidoRow> MakeItens(DemoBatch batch, long pedidoId)
    {
        var count = 1 + WeightedIndex(ItemCountWeights);
        var chosen = new List<int>(count);
        while (chosen.Count < Math.Min(count, produtos.Count))
        {
            var p = Index(produtoCumulative, rng.NextDouble() * produtoPopularity);
            if (!chosen.Contains(p))
            {
                chosen.Add(p);
            }
        }

        var itens = new List<ItemPedidoRow>(chosen.Count);
        foreach (var p in chosen)
        {
            var produto = produtos[p];
            var quantidade = 1 + (int)(Math.Pow(rng.NextDouble(), 2) * 60);
            var precoVenda = Money.Round2(produto.PrecoMedioCompra * (decimal)(1.18 + (rng.NextDouble() * 0.42)));
            var item = ItemPedido.Create(produto.Id, quantidade, precoVenda, produto.PrecoMedioCompra);
            itens.Add(new ItemPedidoRow(
                nextItemId++, pedidoId, produto.Id, quantidade, precoVenda, produto.PrecoMedioCompra, item.ValorTotalVenda, item.ValorTotalCompra));
        }

        batch.Itens.AddRange(itens);
        return itens;
    }

    /// <summary>Approved payments reaching the total (full) or part of it, now and then after a rejected attempt.</summary>
    private (decimal Pago, DateTime Last) Pay(DemoBatch batch, long pedidoId, DateTime data, decimal total, bool full)
    {
        var when = Min(data.AddHours(1 + rng.Next(72)), lastInstant);
        if (rng.NextDouble() < (full ? 0.02 : 0.10))
        {
            batch.Pagamentos.Add(new PagamentoRow(nextPagamentoId++, pedidoId, Math.Max(total, 0.01m), when, Pick(DemoCatalog.MetodosPagamento), Rejeitado: true));
            when = Min(when.AddHours(2), lastInstant);
        }

        if (!full)
        {
            var part = Money.Round2(total * (decimal)(0.2 + (rng.NextDouble() * 0.6)));
            if (part <= 0 || part >= total)
            {
                return (0m, data);
            }

            batch.Pagamentos.Add(new PagamentoRow(nextPagamentoId++, pedidoId, part, when, Pick(DemoCatalog.MetodosPagamento), false));
            return (part, when);
        }

        if (total <= 0)
        {
            return (0m, data);
        }

        if (total >= 1m && rng.NextDouble() < 0.2)
        {
            var first = Money.Round2(total * (decimal)(0.3 + (rng.NextDouble() * 0.4)));
            batch.Pagamentos.Add(new PagamentoRow(nextPagamentoId++, pedidoId, first, when, Pick(DemoCatalog.MetodosPagamento), false));
            when = Min(when.AddHours(1 + rng.Next(48)), lastInstant);
            batch.Pagamentos.Add(new PagamentoRow(nextPagamentoId++, pedidoId, total - first, when, Pick(DemoCatalog.MetodosPagamento), false));
        }
        else
        {
            batch.Pagamentos.Add(new PagamentoRow(nextPagamentoId++, pedidoId, total, when, Pick(DemoCatalog.MetodosPagamento), false));
        }

        return (total, when);
    }

    /// <summary>Most paid pedidos older than a week have been picked up; a few only in part. Returns the new status, if any.</summary>
    private PedidoStatus? PickUp(DemoBatch batch, long pedidoId, List<ItemPedidoRow> itens, DateTime paidAt, int age)
    {
        var r = rng.NextDouble();
        var (fullShare, partialShare) = age > 7 ? (0.93, 0.03) : (0.45, 0.05);
        if (r >= fullShare + partialShare)
        {
            return null;
        }

        var partial = r >= fullShare && (itens.Count > 1 || itens[0].Quantidade > 1);
        var coletaId = nextColetaId++;
        var when = Min(paidAt.AddHours(2 + rng.Next(48)), lastInstant);
        batch.Coletas.Add(new ColetaRow(coletaId, pedidoId, when, Pick(DemoCatalog.Pessoas), Cpf(), !partial));
        if (partial)
        {
            var first = itens[0];
            var quantidade = first.Quantidade > 1 ? first.Quantidade / 2 : first.Quantidade;
            batch.ItensColetados.Add(new ItemColetadoRow(nextItemColetadoId++, coletaId, first.Id, quantidade));
            return PedidoStatus.ColetaParcial;
        }

        foreach (var item in itens)
        {
            batch.ItensColetados.Add(new ItemColetadoRow(nextItemColetadoId++, coletaId, item.Id, item.Quantidade));
        }

        return PedidoStatus.ColetaConcluida;
    }

    private DateTime AtBusinessHours(DateOnly date) =>
        calendar.StartOfDayUtc(date).AddMinutes((7 * 60) + rng.Next(15 * 60));

    private decimal Share(decimal receita, double max) => Money.Round2(receita * (decimal)(rng.NextDouble() * max));

    private string Cpf()
    {
        var nine = Digits(9);
        return nine + CpfCnpj.CpfCheckDigits(nine);
    }

    private string Cnpj()
    {
        // Eight digits of the company root, then branch 0001 (the head office) or a few others.
        var twelve = Digits(8) + (rng.NextDouble() < 0.85 ? "0001" : $"{2 + rng.Next(8):0000}");
        return twelve + CpfCnpj.CnpjCheckDigits(twelve);
    }

    private string Digits(int count)
    {
        Span<char> digits = stackalloc char[count];
        do
        {
            for (var i = 0; i < count; i++)
            {
                digits[i] = (char)('0' + rng.Next(10));
            }
        }
        while (digits.IndexOfAnyExcept(digits[0]) < 0);

        return new string(digits);
    }

    private static string Ean13(long id)
    {
        var twelve = $"789{id:000000000}";
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return twelve + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private T Pick<T>(T[] values) => values[rng.Next(values.Length)];

    private int WeightedIndex(int[] weights)
    {
        var target = rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static int Index(List<double> cumulative, double target)
    {
        var i = cumulative.BinarySearch(target);
        return Math.Min(i < 0 ? ~i : i, cumulative.Count - 1);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record ClientePlan(int Id, int LastOffset, int FirstOffset, double Weight);
}
