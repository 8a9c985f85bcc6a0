using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SignalWire.Agents.AspNetCore.Diagnostics;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>A scale-out configured under the wrong name, or without its store, is called out at start-up.</summary>
public sealed class ScaleOutWarningsTests
{
    private static List<string> Warnings(Dictionary<string, string> environment, bool sharedStore)
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        ScaleOutWarnings.Check(loggers.CreateLogger("test"), "desk", name => environment.GetValueOrDefault(name), sharedStore);
        return [.. collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message)];
    }

    [Theory]
    [InlineData("REDIS_URL")]
    [InlineData("REDIS_CONNECTION_STRING")]
    [InlineData("REDISCLOUD_URL")]
    public void A_redis_url_under_a_name_the_sdk_does_not_read_is_called_out(string name)
    {
        var warning = Assert.Single(Warnings(new() { [name] = "redis://secret@memorystore:6379" }, sharedStore: false));

        Assert.Equal($"Agent desk: {name} is set, but this SDK reads SIGNALWIRE_REDIS_URL (with services.AddSignalWireRedis()): replicas share no limits, single-use tokens or verified callers", warning);
        Assert.DoesNotContain("secret", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sdks_variable_without_a_shared_store_is_called_out_and_a_working_setup_is_not()
    {
        Assert.Equal(
            ["Agent desk: SIGNALWIRE_REDIS_URL is set, but no shared store is registered (call services.AddSignalWireRedis()): this replica counts limits and tokens on its own"],
            Warnings(new() { ["SIGNALWIRE_REDIS_URL"] = "redis://redis:6379", ["REDIS_URL"] = "redis://redis:6379" }, sharedStore: false));
        Assert.Empty(Warnings(new() { ["SIGNALWIRE_REDIS_URL"] = "redis://redis:6379", ["REDIS_URL"] = "redis://redis:6379" }, sharedStore: true));
        Assert.Empty(Warnings(new(), sharedStore: false));
    }
}
