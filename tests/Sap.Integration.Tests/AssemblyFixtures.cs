using Sap.Integration.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]
