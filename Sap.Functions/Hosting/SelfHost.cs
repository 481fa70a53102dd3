using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sap.Functions.Http;

namespace Sap.Functions.Hosting;

/// <summary>
/// Sap.Functions without the Functions host (DESIGN "One binary, two hosts"): the functions listed in
/// functions.metadata served on Kestrel, under host.json's route prefix, through the same
/// <see cref="RequestPipeline"/> and the same composition as the worker.
/// </summary>
internal static class SelfHost
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <param name="configure">A last word on the composition, for tests (extra services such as SQL counters).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = EnvironmentName(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddSapFunctions();
        builder.Services.AddMvcCore();
        builder.Services.AddHostedService<QueueListener>();
        configure?.Invoke(builder);
        var app = builder.Build();

        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var pipeline = app.Services.GetRequiredService<RequestPipeline>();
        var prefix = HostJson.Load(AppContext.BaseDirectory).RoutePrefix;
        foreach (var function in catalog.Http)
        {
            FunctionInvoker.CheckBindable(function);
            var pattern = Combine(prefix, function.Route);
            var endpoint = function.CatchAll
                ? app.Map(pattern, http => HandleAsync(http, function, pipeline))
                : app.MapMethods(pattern, function.HttpMethods, http => HandleAsync(http, function, pipeline));
            endpoint.WithDisplayName(function.Name);
        }

        // Outside the route prefix nothing is routed (the catch-all function answers inside it, 404 and 405 alike): a
        // problem with a request id, like every other answer.
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is null)
            {
                pipeline.TrackUnrouted(http);
                await Execute(http, Problems.NoRoute());
                return;
            }

            await next(http);
        });
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        await using var app = Build(args);
        if (app.Environment.IsDevelopment())
        {
            await DevelopmentStart.PrepareDatabaseAsync(app.Services, app.Lifetime.ApplicationStopping);
        }

        await app.StartAsync();
        if (app.Environment.IsDevelopment())
        {
            DevelopmentStart.PrintWelcome(app);
        }

        await app.WaitForShutdownAsync();
    }

    /// <summary>The environment as the Functions host names it (SPEC §8); with neither variable set, Production.</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environments.Production;

    public static string Combine(string prefix, string route) =>
        prefix.Length == 0 ? route.TrimStart('/') : $"{prefix}/{route.TrimStart('/')}";

    private static async Task HandleAsync(HttpContext http, FunctionEndpoint function, RequestPipeline pipeline)
    {
        using var scope = pipeline.Begin(http, function);
        var result = await pipeline.AuthorizeAsync(http, function);
        scope.Authenticated(http);
        if (result is null)
        {
            try
            {
                result = await FunctionInvoker.InvokeAsync(http, function);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                result = pipeline.Failure(http, function, e);
            }
        }

        await Execute(http, result);
    }

    private static Task Execute(HttpContext http, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
}
