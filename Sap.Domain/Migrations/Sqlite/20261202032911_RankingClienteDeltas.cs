using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sap.Domain.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cliente_id = table.Column<long>(type: "INTEGER", nullable: false),
                    dia = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valor_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    custo_centavos = table.Column<long>(type: "INTEGER", nullable: false),
                    pedidos = table.Column<int>(type: "INTEGER", nullable: false),
                    produtos_bits = table.Column<byte[]>(type: "BLOB", nullable: true)
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
