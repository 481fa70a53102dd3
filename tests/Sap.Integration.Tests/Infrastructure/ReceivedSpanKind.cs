namespace Sap.Integration.Tests.Infrastructure;

/// <summary>OTLP's SpanKind values.</summary>
public enum ReceivedSpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
