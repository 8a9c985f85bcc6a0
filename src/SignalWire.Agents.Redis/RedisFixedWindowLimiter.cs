using System.Threading.RateLimiting;
using StackExchange.Redis;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Redis;

/// <summary>
/// A fixed-window limiter partitioned by key whose counters live in Redis, so a limit counts across every
/// replica. One Lua script increments the window's counter, starts its expiry on the first hit and returns
/// the count and the time left; a request for zero permits only reads whether the window is exhausted.
/// </summary>
internal sealed class RedisFixedWindowLimiter(IConnectionMultiplexer redis, string keyPrefix, int permitLimit, TimeSpan window, TimeSpan timeout)
    : PartitionedRateLimiter<string>
{
    private const string Script = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {count, ttl}
        """;

    private readonly long _windowMs = (long)window.TotalMilliseconds;

    public override RateLimiterStatistics? GetStatistics(string resource) => null;

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) =>
        Lease(redis.GetDatabase().ScriptEvaluate(Script, [Key(resource)], [permitCount, _windowMs]), permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Script, [Key(resource)], [permitCount, _windowMs])
            .WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        return Lease(result, permitCount);
    }

    private RedisKey Key(string resource) => keyPrefix + resource;

    private FixedWindowLease Lease(RedisResult result, int permitCount)
    {
        var values = (RedisResult[])result!;
        var count = (long)values[0];
        var ttl = TimeSpan.FromMilliseconds(Math.Max(1, (long)values[1]));
        var acquired = permitCount == 0 ? count < permitLimit : count <= permitLimit;
        return new FixedWindowLease(acquired, ttl);
    }
}
