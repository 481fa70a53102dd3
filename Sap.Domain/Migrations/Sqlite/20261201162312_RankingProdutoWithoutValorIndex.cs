using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sap.Domain.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RankingProdutoWithoutValorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ranking_produto_janela_valor_centavos_produto_id",
                table: "ranking_produto");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_ranking_produto_janela_valor_centavos_produto_id",
                table: "ranking_produto",
                columns: new[] { "janela", "valor_centavos", "produto_id" },
                descending: new[] { false, true, false });
        }
    }
}
