using System.Globalization;
using Sap.Domain.Data;
using Sap.Domain.DemoData;
using Sap.Domain.Time;

namespace Sap.Migrator.Demo;

/// <summary>demo-data: realistic rows from a seed and a reference date, with a progress display on stderr.</summary>
internal sealed class DemoDataCommand(DatabaseSettings settings, BusinessCalendar calendar, TimeProvider clock, TextWriter output, TextWriter progress)
{
    public async Task RunAsync(DemoDataRequest request, CancellationToken cancellationToken)
    {
        var options = new DemoDataOptions(request.Scale, request.Seed ?? 1, request.Today ?? calendar.Today(clock));
        var reporter = new Progress(progress);
        var summary = await DemoDataLoader.LoadAsync(settings, calendar, options, request.Force, reporter, cancellationToken);
        reporter.Done();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {summary.Pedidos} pedidos ({summary.Itens} itens, {summary.Pagamentos} pagamentos, {summary.Coletas} coletas), " +
            $"{summary.Clientes} clientes, {summary.Produtos} produtos, {summary.Apuracoes} apurações " +
            $"(seed {options.Seed}, today {options.Today:yyyy-MM-dd}) in {summary.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>
    /// Rewrites one line on a terminal; when stderr is redirected, prints a line every tenth of the way instead.
    /// Reports arrive synchronously (<see cref="IProgress{T}"/> without a captured context would post them to the pool).
    /// </summary>
    private sealed class Progress(TextWriter writer) : IProgress<DemoDataProgress>
    {
        private readonly bool interactive = !Console.IsErrorRedirected;
        private int lastTenth = -1;

        public void Report(DemoDataProgress value)
        {
            var fraction = value.PedidosTotal == 0 ? 1 : (double)value.PedidosWritten / value.PedidosTotal;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"pedidos {value.PedidosWritten,9:N0} / {value.PedidosTotal:N0}  {fraction,4:P0}  {value.Elapsed.TotalSeconds,6:0.0} s");
            if (interactive)
            {
                writer.Write("\r" + line);
            }
            else if ((int)(fraction * 10) > lastTenth)
            {
                lastTenth = (int)(fraction * 10);
                writer.WriteLine(line);
            }
        }

        public void Done()
        {
            if (interactive)
            {
                writer.WriteLine();
            }
        }
    }
}
