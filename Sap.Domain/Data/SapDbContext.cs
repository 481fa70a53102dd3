using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Sap.Domain.Apuracoes;
using Sap.Domain.Auditoria;
using Sap.Domain.Clientes;
using Sap.Domain.Coletas;
using Sap.Domain.Estoques;
using Sap.Domain.Idempotency;
using Sap.Domain.Outbox;
using Sap.Domain.Pagamentos;
using Sap.Domain.Pedidos;
using Sap.Domain.Produtos;
using Sap.Domain.ReadModel;

namespace Sap.Domain.Data;

/// <summary>
/// Sap's one model. Each provider has its own subclass (<see cref="PostgresSapDbContext"/>,
/// <see cref="SqliteSapDbContext"/>) so that each keeps its own migrations and snapshot.
/// </summary>
public abstract class SapDbContext : DbContext
{
    protected SapDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Cliente> Clientes => Set<Cliente>();

    public DbSet<Produto> Produtos => Set<Produto>();

    public DbSet<Pedido> Pedidos => Set<Pedido>();

    public DbSet<ItemPedido> ItensPedido => Set<ItemPedido>();

    public DbSet<Pagamento> Pagamentos => Set<Pagamento>();

    public DbSet<Coleta> Coletas => Set<Coleta>();

    public DbSet<ItemColetado> ItensColetados => Set<ItemColetado>();

    public DbSet<Estoque> Estoques => Set<Estoque>();

    public DbSet<MovimentacaoEstoque> MovimentacoesEstoque => Set<MovimentacaoEstoque>();

    public DbSet<Apuracao> Apuracoes => Set<Apuracao>();

    public DbSet<LogAtividade> LogAtividades => Set<LogAtividade>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<VendaCliente> VendasCliente => Set<VendaCliente>();

    public DbSet<VendaClienteProduto> VendasClienteProduto => Set<VendaClienteProduto>();

    public DbSet<RankingCliente> RankingsCliente => Set<RankingCliente>();

    public DbSet<RankingClienteDelta> RankingClienteDeltas => Set<RankingClienteDelta>();

    public DbSet<RankingProduto> RankingsProduto => Set<RankingProduto>();

    public DbSet<JanelaMovel> JanelasMoveis => Set<JanelaMovel>();

    public DbSet<VendaClienteDia> VendasClienteDia => Set<VendaClienteDia>();

    public DbSet<VendaProdutoDia> VendasProdutoDia => Set<VendaProdutoDia>();

    public DbSet<VendaProdutoDelta> VendaProdutoDeltas => Set<VendaProdutoDelta>();

    public DbSet<VendaMes> VendasMes => Set<VendaMes>();

    public DbSet<VendaMesDelta> VendaMesDeltas => Set<VendaMesDelta>();

    public abstract DatabaseProvider Provider { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
        // Every non-unique index is declared on purpose, for a read path (see the entity configurations),
        // rather than one per foreign key by convention.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SapDbContext).Assembly);
    }
}
