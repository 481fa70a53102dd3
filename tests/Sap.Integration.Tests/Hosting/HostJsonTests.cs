using Sap.Functions.Hosting;

namespace Sap.Integration.Tests.Hosting;

/// <summary>The queue settings the self-host reads from host.json, with the Functions host's defaults where it is silent.</summary>
public sealed class HostJsonTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sap-hostjson-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void New_batch_threshold_is_read_when_given()
    {
        File.WriteAllText(Path.Combine(directory, "host.json"), """
            { "version": "2.0", "extensions": { "queues": { "batchSize": 12, "newBatchThreshold": 5 } } }
            """);

        var queues = HostJson.Load(directory).Queues;

        Assert.Equal(12, queues.BatchSize);
        Assert.Equal(5, queues.NewBatchThreshold);
    }

    [Fact]
    public void New_batch_threshold_defaults_to_half_the_batch_as_on_the_host()
    {
        File.WriteAllText(Path.Combine(directory, "host.json"), """
            { "version": "2.0", "extensions": { "queues": { "batchSize": 12 } } }
            """);

        Assert.Equal(6, HostJson.Load(directory).Queues.NewBatchThreshold);
    }

    [Fact]
    public void The_repository_host_json_fetches_the_next_batch_at_8_of_16()
    {
        var queues = HostJson.Load(AppContext.BaseDirectory).Queues;

        Assert.Equal(16, queues.BatchSize);
        Assert.Equal(8, queues.NewBatchThreshold);
    }
}
