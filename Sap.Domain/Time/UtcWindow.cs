namespace Sap.Domain.Time;

/// <summary>A half-open range of instants, [Start, End), in UTC.</summary>
public readonly record struct UtcWindow(DateTime Start, DateTime End)
{
    public bool Contains(DateTime utc) => utc >= Start && utc < End;
}
