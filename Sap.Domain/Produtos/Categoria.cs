namespace Sap.Domain.Produtos;

/// <summary>Stored as its name: CERVEJA, NAB (non-alcoholic) or OUTROS.</summary>
public enum Categoria
{
    OUTROS,
    CERVEJA,
    NAB,
}
