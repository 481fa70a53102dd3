namespace Sap.Domain.DemoData;

/// <summary>Writes one row's values in column order; each sink turns them into its provider's bulk insert.</summary>
internal interface IRowWriter
{
    void Int64(long value);

    void Int32(int value);

    void Decimal(decimal value);

    void Bool(bool value);

    void Text(string? value);

    void Instant(DateTime utc);

    void Instant(DateTime? utc);

    void Null();
}
