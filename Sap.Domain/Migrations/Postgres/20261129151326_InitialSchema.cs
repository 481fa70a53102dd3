using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sap.Domain.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "apuracao",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    mes = table.Column<int>(type: "integer", nullable: false),
                    ano = table.Column<int>(type: "integer", nullable: false),
                    receita_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    custo_produtos = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    verba_scann = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    verba_plano_negocios = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    verba_time_ambev = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    verba_outras_receitas = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    outros_custos = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    definitivo = table.Column<bool>(type: "boolean", nullable: false),
                    data_criacao = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data_atualizacao = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    criado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apuracao", x => x.id);
                    table.CheckConstraint("ck_apuracao_ano", "ano BETWEEN 1900 AND 2100");
                    table.CheckConstraint("ck_apuracao_custo_produtos", "CAST(custo_produtos AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_mes", "mes BETWEEN 1 AND 12");
                    table.CheckConstraint("ck_apuracao_outros_custos", "CAST(outros_custos AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_receita_total", "CAST(receita_total AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_receita_total_max", "CAST(receita_total AS NUMERIC) <= 1000000000");
                    table.CheckConstraint("ck_apuracao_verba_outras_receitas", "CAST(verba_outras_receitas AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_verba_plano_negocios", "CAST(verba_plano_negocios AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_verba_scann", "CAST(verba_scann AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_apuracao_verba_time_ambev", "CAST(verba_time_ambev AS NUMERIC) >= 0");
                });

            migrationBuilder.CreateTable(
                name: "cliente",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nome = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    nome_chave = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    fantasia = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    endereco = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    cidade = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cpf_cnpj = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    telefone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    data_cadastro = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cliente", x => x.id);
                    table.CheckConstraint("ck_cliente_cpf_cnpj", "cpf_cnpj IS NULL OR length(cpf_cnpj) IN (11, 14)");
                    table.CheckConstraint("ck_cliente_nome", "length(nome) >= 2");
                });

            migrationBuilder.CreateTable(
                name: "log_atividade",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    data_hora = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    usuario = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo_atividade = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    modulo = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    titulo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entidade_id = table.Column<long>(type: "bigint", nullable: true),
                    request_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    dados_extras = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_atividade", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agregado = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ocorrido_em = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    publicado_em = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    tentativas = table.Column<int>(type: "integer", nullable: false),
                    ultimo_erro = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "produto",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nome = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    nome_chave = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    codigo_interno = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    categoria = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: "OUTROS"),
                    preco_medio_compra = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false, defaultValue: 0m),
                    ean = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_produto", x => x.id);
                    table.CheckConstraint("ck_produto_categoria", "categoria IN ('OUTROS', 'CERVEJA', 'NAB')");
                    table.CheckConstraint("ck_produto_preco_medio_compra", "CAST(preco_medio_compra AS NUMERIC) >= 0");
                });

            migrationBuilder.CreateTable(
                name: "pedido",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cliente_id = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    confirmado_comercial = table.Column<bool>(type: "boolean", nullable: false),
                    confirmado_por = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    data_confirmacao = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    versao = table.Column<int>(type: "integer", nullable: false),
                    valor_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    custo_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    valor_pago = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pedido", x => x.id);
                    table.CheckConstraint("ck_pedido_custo_total", "CAST(custo_total AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_pedido_pago_ate_total", "CAST(valor_pago AS NUMERIC) <= CAST(valor_total AS NUMERIC)");
                    table.CheckConstraint("ck_pedido_status", "status IN ('Pendente', 'Pagamento Aprovado', 'Coleta Parcial', 'Coleta Concluída', 'Cancelado')");
                    table.CheckConstraint("ck_pedido_valor_pago", "CAST(valor_pago AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_pedido_valor_total", "CAST(valor_total AS NUMERIC) >= 0");
                    table.ForeignKey(
                        name: "fk_pedido_cliente_cliente_id",
                        column: x => x.cliente_id,
                        principalTable: "cliente",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "estoque",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    produto_id = table.Column<long>(type: "bigint", nullable: false),
                    quantidade = table.Column<int>(type: "integer", nullable: false),
                    conferente = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    data_conferencia = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data_entrada = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data_modificacao = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_estoque", x => x.id);
                    table.CheckConstraint("ck_estoque_quantidade", "quantidade >= 0");
                    table.ForeignKey(
                        name: "fk_estoque_produtos_produto_id",
                        column: x => x.produto_id,
                        principalTable: "produto",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "movimentacao_estoque",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    produto_id = table.Column<long>(type: "bigint", nullable: false),
                    tipo_movimentacao = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    quantidade_anterior = table.Column<int>(type: "integer", nullable: false),
                    quantidade_movimentada = table.Column<int>(type: "integer", nullable: false),
                    quantidade_atual = table.Column<int>(type: "integer", nullable: false),
                    motivo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    responsavel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data_movimentacao = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    observacoes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_movimentacao_estoque", x => x.id);
                    table.CheckConstraint("ck_movimentacao_estoque_quantidade_atual", "quantidade_atual >= 0");
                    table.CheckConstraint("ck_movimentacao_estoque_tipo", "tipo_movimentacao IN ('Entrada', 'Saida', 'Ajuste')");
                    table.ForeignKey(
                        name: "fk_movimentacao_estoque_produtos_produto_id",
                        column: x => x.produto_id,
                        principalTable: "produto",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coleta",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pedido_id = table.Column<long>(type: "bigint", nullable: false),
                    data_coleta = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    responsavel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nome_retirada = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    documento_retirada = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    observacoes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    nome_conferente = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cpf_conferente = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coleta", x => x.id);
                    table.CheckConstraint("ck_coleta_status", "status IN ('Parcialmente Coletado', 'Totalmente Coletado')");
                    table.ForeignKey(
                        name: "fk_coleta_pedidos_pedido_id",
                        column: x => x.pedido_id,
                        principalTable: "pedido",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "item_pedido",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pedido_id = table.Column<long>(type: "bigint", nullable: false),
                    produto_id = table.Column<long>(type: "bigint", nullable: false),
                    quantidade = table.Column<int>(type: "integer", nullable: false),
                    preco_venda = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    preco_compra = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    valor_total_venda = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    valor_total_compra = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    lucro_bruto = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_pedido", x => x.id);
                    table.CheckConstraint("ck_item_pedido_preco_compra", "CAST(preco_compra AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_item_pedido_preco_venda", "CAST(preco_venda AS NUMERIC) >= 0");
                    table.CheckConstraint("ck_item_pedido_quantidade", "quantidade > 0");
                    table.ForeignKey(
                        name: "fk_item_pedido_pedidos_pedido_id",
                        column: x => x.pedido_id,
                        principalTable: "pedido",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_item_pedido_produtos_produto_id",
                        column: x => x.produto_id,
                        principalTable: "produto",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pagamento",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pedido_id = table.Column<long>(type: "bigint", nullable: false),
                    valor = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    data_pagamento = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    metodo_pagamento = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_transacao = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    observacoes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pagamento", x => x.id);
                    table.CheckConstraint("ck_pagamento_status", "status IN ('aprovado', 'rejeitado')");
                    table.CheckConstraint("ck_pagamento_valor", "CAST(valor AS NUMERIC) > 0");
                    table.ForeignKey(
                        name: "fk_pagamento_pedidos_pedido_id",
                        column: x => x.pedido_id,
                        principalTable: "pedido",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "item_coletado",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    coleta_id = table.Column<long>(type: "bigint", nullable: false),
                    item_pedido_id = table.Column<long>(type: "bigint", nullable: false),
                    quantidade_coletada = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_coletado", x => x.id);
                    table.CheckConstraint("ck_item_coletado_quantidade", "quantidade_coletada > 0");
                    table.ForeignKey(
                        name: "fk_item_coletado_coleta_coleta_id",
                        column: x => x.coleta_id,
                        principalTable: "coleta",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_item_coletado_itens_pedido_item_pedido_id",
                        column: x => x.item_pedido_id,
                        principalTable: "item_pedido",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_apuracao_ano_mes",
                table: "apuracao",
                columns: new[] { "ano", "mes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cliente_nome_chave",
                table: "cliente",
                column: "nome_chave",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_estoque_produto_id",
                table: "estoque",
                column: "produto_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_event_id",
                table: "outbox",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pagamento_id_transacao",
                table: "pagamento",
                column: "id_transacao",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_produto_codigo_interno",
                table: "produto",
                column: "codigo_interno",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_produto_ean",
                table: "produto",
                column: "ean",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_produto_nome_chave",
                table: "produto",
                column: "nome_chave",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apuracao");

            migrationBuilder.DropTable(
                name: "estoque");

            migrationBuilder.DropTable(
                name: "item_coletado");

            migrationBuilder.DropTable(
                name: "log_atividade");

            migrationBuilder.DropTable(
                name: "movimentacao_estoque");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "pagamento");

            migrationBuilder.DropTable(
                name: "coleta");

            migrationBuilder.DropTable(
                name: "item_pedido");

            migrationBuilder.DropTable(
                name: "pedido");

            migrationBuilder.DropTable(
                name: "produto");

            migrationBuilder.DropTable(
                name: "cliente");
        }
    }
}
