using System.Threading.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// Creates the partitioned limiters behind the SDK's rate limits (per caller per tool, failed
/// authentications per IP, the opt-in per-IP ceiling). The default keeps counters in memory; a shared
/// store (Redis) makes limits count across replicas.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>A fixed-window limiter partitioned by key, for the policy <paramref name="policy"/>.</summary>
    PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window);
}

/// <summary>In-memory fixed windows; idle partitions are dropped, so memory follows the active callers.</summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    /// <inheritdoc />
    public PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
