namespace Sap.Domain.DemoData;

/// <summary>How much demo data to make.</summary>
public enum DemoScale
{
    Small,
    Medium,
    Large,
}
