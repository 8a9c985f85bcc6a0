using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Redis;

/// <summary>Rate-limit counters shared through Redis, falling back to in-memory counters while Redis is unreachable.</summary>
internal sealed class RedisRateLimitStore(IConnectionMultiplexer redis, RedisOptions options, RedisCircuit circuit, TimeProvider time, ILoggerFactory loggers) : IRateLimitStore
{
    private readonly InMemoryRateLimitStore _local = new(time);

    public PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window)
    {
        var shared = new RedisFixedWindowLimiter(redis, $"{options.KeyPrefix}:rate:{policy}:", permitLimit, window, options.OperationTimeout);
        return new FailOpenLimiter(shared, _local.CreateFixedWindow(policy, permitLimit, window), circuit, loggers.CreateLogger("SignalWire.Agents.Redis"), time);
    }
}
