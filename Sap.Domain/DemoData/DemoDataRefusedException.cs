namespace Sap.Domain.DemoData;

/// <summary>The database already holds pedidos and the caller did not ask to replace them.</summary>
public sealed class DemoDataRefusedException : Exception
{
    public DemoDataRefusedException()
    {
    }

    public DemoDataRefusedException(string message)
        : base(message)
    {
    }

    public DemoDataRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DemoDataRefusedException(long pedidos)
        : base($"the database already has {pedidos} pedidos; add --force to replace all its data") => Pedidos = pedidos;

    public long Pedidos { get; }
}
