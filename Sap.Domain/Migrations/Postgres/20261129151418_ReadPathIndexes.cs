using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sap.Domain.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReadPathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_pedido_cliente_id_data",
                table: "pedido",
                columns: new[] { "cliente_id", "data" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_pedido_data",
                table: "pedido",
                column: "data");

            migrationBuilder.CreateIndex(
                name: "ix_pagamento_pedido_id",
                table: "pagamento",
                column: "pedido_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pendente",
                table: "outbox",
                column: "id",
                filter: "publicado_em IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_movimentacao_estoque_produto_id_data_movimentacao",
                table: "movimentacao_estoque",
                columns: new[] { "produto_id", "data_movimentacao" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_log_atividade_data_hora",
                table: "log_atividade",
                column: "data_hora",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_item_pedido_pedido_id",
                table: "item_pedido",
                column: "pedido_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_pedido_produto_id",
                table: "item_pedido",
                column: "produto_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_coletado_coleta_id",
                table: "item_coletado",
                column: "coleta_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_coletado_item_pedido_id",
                table: "item_coletado",
                column: "item_pedido_id");

            migrationBuilder.CreateIndex(
                name: "ix_coleta_pedido_id",
                table: "coleta",
                column: "pedido_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pedido_cliente_id_data",
                table: "pedido");

            migrationBuilder.DropIndex(
                name: "ix_pedido_data",
                table: "pedido");

            migrationBuilder.DropIndex(
                name: "ix_pagamento_pedido_id",
                table: "pagamento");

            migrationBuilder.DropIndex(
                name: "ix_outbox_pendente",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_movimentacao_estoque_produto_id_data_movimentacao",
                table: "movimentacao_estoque");

            migrationBuilder.DropIndex(
                name: "ix_log_atividade_data_hora",
                table: "log_atividade");

            migrationBuilder.DropIndex(
                name: "ix_item_pedido_pedido_id",
                table: "item_pedido");

            migrationBuilder.DropIndex(
                name: "ix_item_pedido_produto_id",
                table: "item_pedido");

            migrationBuilder.DropIndex(
                name: "ix_item_coletado_coleta_id",
                table: "item_coletado");

            migrationBuilder.DropIndex(
                name: "ix_item_coletado_item_pedido_id",
                table: "item_coletado");

            migrationBuilder.DropIndex(
                name: "ix_coleta_pedido_id",
                table: "coleta");
        }
    }
}
