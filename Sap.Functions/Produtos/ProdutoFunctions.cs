using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using Sap.Domain;
using Sap.Domain.Data;
using Sap.Domain.Produtos;
using Sap.Functions.Http;
using Sap.Functions.OpenApi;
using Sap.Functions.Security;

namespace Sap.Functions.Produtos;

public sealed class ProdutoFunctions(WriteEndpoints writes, IDbContextFactory<SapDbContext> contexts)
{
    [Function(nameof(CriarProduto))]
    [Body(typeof(ProdutoInput))]
    [Returns(typeof(ProdutoView), 201)]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> CriarProduto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "produtos")] HttpRequest request) =>
        writes.RunAsync<ProdutoInput, ProdutoView>(request, ProdutoCommands.CreateAsync, p => $"/api/produtos/{p.Id}");

    [Function(nameof(AtualizarProduto))]
    [Body(typeof(ProdutoInput))]
    [Returns(typeof(ProdutoView))]
    [RequireRoles(Roles.Financeiro)]
    public Task<IActionResult> AtualizarProduto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "produtos/{id}")] HttpRequest request, string id)
    {
        var produtoId = QueryParams.RouteId(id);
        return writes.RunAsync<ProdutoInput, ProdutoView>(request, (scope, input, ct) => ProdutoCommands.UpdateAsync(scope, produtoId, input, ct), _ => null);
    }

    [Function(nameof(ObterProduto))]
    [Returns(typeof(ProdutoView))]
    [RequireRoles(Roles.Financeiro, Roles.Vendedor)]
    public async Task<IActionResult> ObterProduto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "produtos/{id}")] HttpRequest request, string id)
    {
        var produtoId = QueryParams.RouteId(id);
        await using var db = await contexts.CreateDbContextAsync(request.HttpContext.RequestAborted);
        var produto = await db.Produtos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == produtoId, request.HttpContext.RequestAborted)
            ?? throw new NotFoundException($"Produto {produtoId} não encontrado.");
        return new JsonResponse(ProdutoView.Of(produto));
    }
}
