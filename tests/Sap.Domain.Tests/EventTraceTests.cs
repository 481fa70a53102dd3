using System.Diagnostics;
using Sap.Domain.Events;

namespace Sap.Domain.Tests;

/// <summary>The CloudEvents traceparent: taken from the work in progress, carried by the JSON, and a bad one ignored.</summary>
public sealed class EventTraceTests
{
    private const string Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void A_valid_traceparent_names_its_trace_and_span()
    {
        Assert.True(EventTrace.TryParse(Traceparent, "congo=t61rcWkgMzE", out var context));
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", context.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal("congo=t61rcWkgMzE", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331")]
    [InlineData("00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")]
    [InlineData("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra")]
    [InlineData("00_0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331_01")]
    public void A_missing_or_malformed_traceparent_is_ignored(string? traceparent)
    {
        Assert.False(EventTrace.TryParse(traceparent, "=,=", out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void The_trace_in_progress_is_taken_as_a_traceparent_and_nothing_without_one()
    {
        Assert.Equal((null, null), EventTrace.Current());
        using var activity = new Activity("write").SetIdFormat(ActivityIdFormat.W3C).SetParentId(Traceparent).Start();
        var (traceparent, tracestate) = EventTrace.Current();
        Assert.Matches("^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$", traceparent);
        Assert.Null(tracestate);
    }

    [Fact]
    public void Events_carry_the_traceparent_and_events_without_one_still_parse()
    {
        var traced = new CloudEvent("1.0", "id-1", "/sap", EventTypes.ClienteCriado, new DateTime(2025, 8, 31, 12, 0, 0, DateTimeKind.Utc),
            "application/json", "req-1", new EventData { ClienteId = 7 }) { Traceparent = Traceparent };

        var json = EventJson.Serialize(traced);

        Assert.Contains($"\"traceparent\":\"{Traceparent}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("tracestate", json, StringComparison.Ordinal);
        Assert.Equal(traced, EventJson.TryParse(json));
        var untraced = EventJson.TryParse("""{"specversion":"1.0","id":"x","source":"/outro","type":"cliente.criado","time":"2025-08-31T12:00:00Z","data":{"cliente_id":7}}""");
        Assert.NotNull(untraced);
        Assert.Null(untraced.Traceparent);
    }
}
