using SignalWire.Agents.Security;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Redis;

/// <summary>
/// Rate-limit counters shared through Redis, falling back to in-memory counters while Redis is unreachable. Like the
/// in-memory store, it hands out one limiter per policy, limit and window, so callers may ask for it per request.
/// </summary>
internal sealed class RedisRateLimitStore(IConnectionMultiplexer redis, RedisOptions options, RedisCircuit circuit, TimeProvider time, ILoggerFactory loggers) : IRateLimitStore, IReplicaSharedStore
{
    private readonly InMemoryRateLimitStore _local = new(time);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Policy, int Limit, TimeSpan Window), PartitionedRateLimiter<string>> _limiters = new();

    public PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window) =>
        _limiters.GetOrAdd((policy, permitLimit, window), key => new FailOpenLimiter(
            new RedisFixedWindowLimiter(redis, $"{options.KeyPrefix}:rate:{key.Policy}:", key.Limit, key.Window, options.OperationTimeout),
            _local.CreateFixedWindow(key.Policy, key.Limit, key.Window),
            circuit,
            loggers.CreateLogger("SignalWire.Agents.Redis"),
            time));
}
