using Sap.Domain.Produtos;

namespace Sap.Domain.DemoData;

/// <summary>The words demo data is made of: brands, packages, shop names, people and cities of São Paulo state.</summary>
internal static class DemoCatalog
{
    /// <summary>A brand, its category, and how its price compares with the category's base.</summary>
    public static readonly (string Nome, Categoria Categoria, decimal Fator)[] Marcas =
    [
        ("Brahma Chopp", Categoria.CERVEJA, 1.00m),
        ("Skol Pilsen", Categoria.CERVEJA, 0.95m),
        ("Antarctica Original", Categoria.CERVEJA, 1.15m),
        ("Budweiser", Categoria.CERVEJA, 1.20m),
        ("Stella Artois", Categoria.CERVEJA, 1.45m),
        ("Spaten", Categoria.CERVEJA, 1.35m),
        ("Corona Extra", Categoria.CERVEJA, 1.60m),
        ("Beck's", Categoria.CERVEJA, 1.40m),
        ("Bohemia", Categoria.CERVEJA, 1.10m),
        ("Brahma Duplo Malte", Categoria.CERVEJA, 1.12m),
        ("Skol Beats", Categoria.CERVEJA, 1.30m),
        ("Michelob Ultra", Categoria.CERVEJA, 1.38m),
        ("Patagonia Amber Lager", Categoria.CERVEJA, 1.70m),
        ("Colorado Appia", Categoria.CERVEJA, 1.90m),
        ("Serramalte", Categoria.CERVEJA, 1.25m),
        ("Caracu", Categoria.CERVEJA, 1.30m),
        ("Goose Island IPA", Categoria.CERVEJA, 2.10m),
        ("Brahma Zero", Categoria.CERVEJA, 1.05m),
        ("Guaraná Antarctica", Categoria.NAB, 1.00m),
        ("Guaraná Antarctica Zero", Categoria.NAB, 1.00m),
        ("Pepsi", Categoria.NAB, 1.05m),
        ("Pepsi Black", Categoria.NAB, 1.05m),
        ("Soda Limonada", Categoria.NAB, 0.95m),
        ("Sukita Laranja", Categoria.NAB, 0.90m),
        ("H2OH! Limão", Categoria.NAB, 1.10m),
        ("Tônica Antarctica", Categoria.NAB, 1.15m),
        ("Água Mineral AMA", Categoria.NAB, 0.55m),
        ("Gatorade Laranja", Categoria.NAB, 1.50m),
        ("Red Bull", Categoria.NAB, 2.60m),
        ("Fusion Energy", Categoria.NAB, 1.70m),
        ("Do Bem Uva", Categoria.NAB, 1.80m),
        ("Lipton Ice Tea Pêssego", Categoria.NAB, 1.25m),
    ];

    /// <summary>Packages with the base purchase price of one unit of a factor-1 brand.</summary>
    public static readonly (string Nome, decimal Base, Categoria[] Para)[] Embalagens =
    [
        ("Lata 350ml", 2.89m, [Categoria.CERVEJA, Categoria.NAB]),
        ("Garrafa 600ml", 5.49m, [Categoria.CERVEJA]),
        ("Long Neck 330ml", 4.19m, [Categoria.CERVEJA]),
        ("Lata 473ml", 3.79m, [Categoria.CERVEJA]),
        ("Litrão 1L", 7.90m, [Categoria.CERVEJA]),
        ("Pet 2L", 6.99m, [Categoria.NAB]),
        ("Pet 1L", 4.59m, [Categoria.NAB]),
        ("Garrafa 500ml", 2.39m, [Categoria.NAB]),
        ("Fardo 12 Latas 350ml", 32.90m, [Categoria.CERVEJA, Categoria.NAB]),
        ("Caixa 24 Garrafas 600ml", 118.00m, [Categoria.CERVEJA]),
    ];

    public static readonly (string Nome, decimal Preco)[] Outros =
    [
        ("Gelo em Cubos 5kg", 6.50m),
        ("Carvão Vegetal 3kg", 11.90m),
        ("Copo Descartável 300ml (100 un)", 7.80m),
        ("Amendoim Japonês 500g", 9.40m),
        ("Batata Palha 400g", 10.20m),
        ("Guardanapo de Papel (50 un)", 2.30m),
        ("Isqueiro", 3.10m),
        ("Caixa Térmica 34L", 89.00m),
        ("Saco de Gelo 2kg", 3.40m),
        ("Torresmo Pururuca 100g", 4.80m),
    ];

    public static readonly string[] TiposDeLoja =
    [
        "Bar", "Mercearia", "Adega", "Empório", "Lanchonete", "Mercado", "Restaurante", "Padaria", "Conveniência",
        "Distribuidora", "Choperia", "Quiosque", "Pizzaria", "Churrascaria", "Boteco",
    ];

    public static readonly string[] NomesDeLoja =
    [
        "do Zé", "da Conceição", "São Jorge", "Santa Luzia", "Dois Irmãos", "Bom Jesus", "do Japonês", "Estrela",
        "Primavera", "da Esquina", "Boa Vista", "União", "Nossa Senhora Aparecida", "do Português", "Central",
        "Paraíso", "Sol Nascente", "do Gaúcho", "Vila Nova", "Três Corações", "Recanto", "Ponto Certo",
        "do Baiano", "Bela Vista", "Real", "Avenida", "da Praça", "Mirante", "Jardim", "Pôr do Sol",
        "da Vó Maria", "Flor de Lis", "Raízes", "Canto Mineiro", "Ipê", "Girassol", "Ouro Verde", "Boa Sorte",
        "São João", "Andorinha",
    ];

    public static readonly string[] Cidades =
    [
        "São Paulo", "Campinas", "Santos", "São Bernardo do Campo", "Guarulhos", "Osasco", "Sorocaba",
        "Ribeirão Preto", "Jundiaí", "Piracicaba", "Bauru", "São José dos Campos", "Mogi das Cruzes",
        "Santo André", "Taubaté", "Limeira", "Americana", "Araraquara", "Franca", "Marília",
    ];

    public static readonly string[] Ruas =
    [
        "Rua das Flores", "Avenida Brasil", "Rua São Bento", "Rua XV de Novembro", "Avenida Paulista",
        "Rua Sete de Setembro", "Rua Tiradentes", "Avenida Independência", "Rua Dom Pedro II", "Rua da Consolação",
        "Rua Barão de Jaguara", "Avenida Getúlio Vargas", "Rua Marechal Deodoro", "Rua José Bonifácio",
    ];

    public static readonly string[] Pessoas =
    [
        "João Silva", "Maria Souza", "José Oliveira", "Ana Santos", "Antônio Pereira", "Francisca Lima",
        "Carlos Ferreira", "Luíza Costa", "Paulo Rodrigues", "Adriana Almeida", "Marcos Nascimento",
        "Juliana Araújo", "Pedro Carvalho", "Fernanda Gomes", "Lucas Ribeiro", "Patrícia Martins",
    ];

    public static readonly string[] MetodosPagamento = ["Pix", "Pix", "Pix", "Dinheiro", "Cartão de Débito", "Cartão de Crédito", "Boleto"];
}
