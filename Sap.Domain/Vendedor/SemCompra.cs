namespace Sap.Domain.Vendedor;

public static class SemCompra
{
    public static SemCompraBucket Bucket(int dias) => dias switch
    {
        > 30 => SemCompraBucket.Dias30,
        > 15 => SemCompraBucket.Dias15,
        > 7 => SemCompraBucket.Dias7,
        _ => SemCompraBucket.Nenhum,
    };
}
