using System;
using System.Collections;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sap.Domain.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RankingClienteDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ranking_cliente_delta",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cliente_id = table.Column<long>(type: "bigint", nullable: false),
                    dia = table.Column<DateOnly>(type: "date", nullable: false),
                    valor_centavos = table.Column<long>(type: "bigint", nullable: false),
                    custo_centavos = table.Column<long>(type: "bigint", nullable: false),
                    pedidos = table.Column<int>(type: "integer", nullable: false),
                    produtos_bits = table.Column<BitArray>(type: "bit varying", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_cliente_delta", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_delta_cliente_id",
                table: "ranking_cliente_delta",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_ranking_cliente_delta_dia",
                table: "ranking_cliente_delta",
                column: "dia");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ranking_cliente_delta");
        }
    }
}
