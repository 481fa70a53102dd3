using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Sap.Domain;
using Sap.Functions.Hosting;

try
{
    var builder = FunctionsApplication.CreateBuilder(args);
    if (!WorkerHost.IsHostedByFunctions(builder.Configuration))
    {
        await SelfHost.RunAsync(args);
        return 0;
    }

    await WorkerHost.Configure(builder).Build().RunAsync();
    return 0;
}
catch (InvalidSettingsException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // Checked again on start (ValidateOnStart); the failures already read "key: what is wrong".
    await Console.Error.WriteLineAsync($"error: {string.Join(" ", e.Failures)}");
    return 2;
}
