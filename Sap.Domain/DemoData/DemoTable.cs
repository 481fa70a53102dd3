namespace Sap.Domain.DemoData;

/// <summary>A table demo-data fills, with the columns its rows write, in order.</summary>
internal sealed record DemoTable(string Name, IReadOnlyList<string> Columns);
