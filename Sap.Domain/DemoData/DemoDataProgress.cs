namespace Sap.Domain.DemoData;

/// <summary>How far a load has come.</summary>
public sealed record DemoDataProgress(long PedidosWritten, long PedidosTotal, TimeSpan Elapsed);
