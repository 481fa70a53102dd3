using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sap.Domain.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnyWindowAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The window rows change key: they are emptied here and rebuilt by the migrator (janela_movel is new and empty).
            migrationBuilder.Sql("DELETE FROM ranking_cliente; DELETE FROM ranking_produto;");

            migrationBuilder.DropTable(
                name: "ranking_periodo");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ranking_produto",
                table: "ranking_produto");

            migrationBuilder.DropIndex(
                name: "ix_ranking_produto_dias_valor_centavos_produto_id",
                table: "ranking_produto");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ranking_cliente",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_dias_lucro_centavos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_dias_produtos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_dias_valor_centavos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropColumn(
                name: "dias",
                table: "ranking_produto");

            migrationBuilder.DropColumn(
                name: "dias",
                table: "ranking_cliente");

            migrationBuilder.AddColumn<string>(
                name: "janela",
                table: "ranking_produto",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "janela",
                table: "ranking_cliente",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "produtos_bits",
                table: "ranking_cliente",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_ranking_produto",
                table: "ranking_produto",
                columns: new[] { "janela", "produto_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_ranking_cliente",
                table: "ranking_cliente",
                columns: new[] { "janela", "cliente_id" });

            migrationBuilder.CreateTable(
                name: "janela_movel",
                columns: table => new
                {
                    janela = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    data_base = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    inicio = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    fim = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_janela_movel", x => x.janela);
                });

            migrationBuilder.CreateTable(
                name: "venda_cliente_dia",
                columns: table => new
                {
                    cliente_id = table.Column<long>(type: "INTEGER", nullable: false),
                    dia = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    custo_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    produtos_bits = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_cliente_dia", x => new { x.cliente_id, x.dia });
                });

            migrationBuilder.CreateTable(
                name: "venda_mes_delta",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ano = table.Column<int>(type: "INTEGER", nullable: false),
                    mes = table.Column<int>(type: "INTEGER", nullable: false),
                    receita_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    cpv_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    pedidos_pagos = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_mes_delta", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venda_produto_delta",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    produto_id = table.Column<long>(type: "INTEGER", nullable: false),
                    dia = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    quantidade = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_produto_delta", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venda_produto_dia",
                columns: table => new
                {
                    produto_id = table.Column<long>(type: "INTEGER", nullable: false),
                    dia = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    quantidade = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venda_produto_dia", x => new { x.produto_id, x.dia });
                });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_produto_janela_valor_centavos_produto_id",
                table: "ranking_produto",
                columns: new[] { "janela", "valor_centavos", "produto_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_janela_lucro_centavos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "janela", "lucro_centavos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_janela_produtos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "janela", "produtos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_janela_valor_centavos_cliente_id",
                table: "ranking_cliente",
                columns: new[] { "janela", "valor_centavos", "cliente_id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_venda_cliente_dia_dia",
                table: "venda_cliente_dia",
                column: "dia");

            migrationBuilder.CreateIndex(
                name: "ix_venda_mes_delta_ano_mes",
                table: "venda_mes_delta",
                columns: new[] { "ano", "mes" });

            migrationBuilder.CreateIndex(
                name: "ix_venda_produto_delta_dia",
                table: "venda_produto_delta",
                column: "dia");

            migrationBuilder.CreateIndex(
                name: "ix_venda_produto_dia_dia",
                table: "venda_produto_dia",
                column: "dia");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The window rows change key: they are emptied here and rebuilt by the migrator (ranking_periodo comes back empty).
            migrationBuilder.Sql("DELETE FROM ranking_cliente; DELETE FROM ranking_produto;");

            migrationBuilder.DropTable(
                name: "janela_movel");

            migrationBuilder.DropTable(
                name: "venda_cliente_dia");

            migrationBuilder.DropTable(
                name: "venda_mes_delta");

            migrationBuilder.DropTable(
                name: "venda_produto_delta");

            migrationBuilder.DropTable(
                name: "venda_produto_dia");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ranking_produto",
                table: "ranking_produto");

            migrationBuilder.DropIndex(
                name: "ix_ranking_produto_janela_valor_centavos_produto_id",
                table: "ranking_produto");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ranking_cliente",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_janela_lucro_centavos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_janela_produtos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropIndex(
                name: "ix_ranking_cliente_janela_valor_centavos_cliente_id",
                table: "ranking_cliente");

            migrationBuilder.DropColumn(
                name: "janela",
                table: "ranking_produto");

            migrationBuilder.DropColumn(
                name: "janela",
                table: "ranking_cliente");

            migrationBuilder.DropColumn(
                name: "produtos_bits",
                table: "ranking_cliente");

            migrationBuilder.AddColumn<int>(
                name: "dias",
                table: "ranking_produto",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dias",
                table: "ranking_cliente",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_ranking_produto",
                table: "ranking_produto",
                columns: new[] { "dias", "produto_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_ranking_cliente",
                table: "ranking_cliente",
                columns: new[] { "dias", "cliente_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_ranking_produto_dias_valor_centavos_produto_id",
                table: "ranking_produto",
                columns: new[] { "dias", "valor_centavos", "produto_id" },
                descending: new[] { false, true, false });

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
        }
    }
}
