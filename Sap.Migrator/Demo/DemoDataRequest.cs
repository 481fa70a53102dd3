using Sap.Domain.DemoData;

namespace Sap.Migrator.Demo;

/// <summary>What `demo-data` was asked for; a missing seed is 1 and a missing date the current business date.</summary>
internal sealed record DemoDataRequest(DemoScale Scale, int? Seed, DateOnly? Today, bool Force);
