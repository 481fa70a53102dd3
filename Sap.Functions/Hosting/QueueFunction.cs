using System.Reflection;

namespace Sap.Functions.Hosting;

/// <summary>A queue-triggered function as functions.metadata declares it (queue name may be a %setting%).</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, string Connection);
