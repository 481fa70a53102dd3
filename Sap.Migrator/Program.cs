using Sap.Migrator;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await MigratorCommandLine.RunAsync(args, Console.Out, Console.Error, configure: null, cancel.Token);
