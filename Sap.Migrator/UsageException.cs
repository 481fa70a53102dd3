namespace Sap.Migrator;

/// <summary>The command line asks for something that cannot be: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
