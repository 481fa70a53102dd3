using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sap.Domain.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SalesReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ranking_cliente",
                columns: table => new
                {
                    dias = table.Column<int>(type: "INTEGER", nullable: false),
                    cliente_id = table.Column<long>(type: "INTEGER", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    custo_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    lucro_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    produtos = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_cliente", x => new { x.dias, x.cliente_id });
                });

            migrationBuilder.CreateTable(
                name: "ranking_periodo",
                columns: table => new
                {
                    dias = table.Column<int>(type: "INTEGER", nullable: false),
                    data_base = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    inicio = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_periodo", x => x.dias);
                });

            migrationBuilder.CreateTable(
                name: "ranking_produto",
                columns: table => new
                {
                    dias = table.Column<int>(type: "INTEGER", nullable: false),
                    produto_id = table.Column<long>(type: "INTEGER", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    quantidade = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_produto", x => new { x.dias, x.produto_id });
                });

            migrationBuilder.CreateTable(
                name: "venda_cliente",
                columns: table => new
                {
                    cliente_id = table.Column<long>(type: "INTEGER", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    custo_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    produtos = table.Column<int>(type: "INTEGER", nullable: false),
                    primeiro_pedido_id = table.Column<long>(type: "INTEGER", nullable: true),
                    primeira_compra = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ultimo_pedido_id = table.Column<long>(type: "INTEGER", nullable: true),
                    ultima_compra = table.Column<DateTime>(type: "TEXT", nullable: true),
                    valor_ultima_compra_centavos = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_cliente", x => x.cliente_id);
                });

            migrationBuilder.CreateTable(
                name: "venda_cliente_produto",
                columns: table => new
                {
                    cliente_id = table.Column<long>(type: "INTEGER", nullable: false),
                    produto_id = table.Column<long>(type: "INTEGER", nullable: false),
                    quantidade = table.Column<long>(type: "INTEGER", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    ultima_compra = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_cliente_produto", x => new { x.cliente_id, x.produto_id });
                });

            migrationBuilder.CreateTable(
                name: "venda_mes",
                columns: table => new
                {
                    ano = table.Column<int>(type: "INTEGER", nullable: false),
                    mes = table.Column<int>(type: "INTEGER", nullable: false),
                    receita_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    cpv_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    pedidos_pagos = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_mes", x => new { x.ano, x.mes });
                });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_dias_lucro_centavos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "dias", "lucro_centavos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_dias_produtos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "dias", "produtos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_dias_valor_centavos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "dias", "valor_centavos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_produto_dias_valor_centavos_produto_id",
                table: "ranking_produto",
                columns: new[] { "dias", "valor_centavos", "produto_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_venda_cliente_ultima_compra",
                table: "venda_cliente",
                column: "ultima_compra");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ranking_cliente");

            migrationBuilder.DropTable(
                name: "ranking_periodo");

            migrationBuilder.DropTable(
                name: "ranking_produto");

            migrationBuilder.DropTable(
                name: "venda_cliente");

            migrationBuilder.DropTable(
                name: "venda_cliente_produto");

            migrationBuilder.DropTable(
                name: "venda_mes");
        }
    }
}
