using System.Threading.RateLimiting;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// Creates the partitioned limiters behind the SDK's rate limits (per caller per tool, failed
/// authentications per IP, the opt-in per-IP ceiling). The default keeps counters in memory; a shared
/// store (Redis) makes limits count across replicas.
/// </summary>
/// <remarks>
/// Limiters must never queue: a request for one or more permits succeeds or fails at once, and a request
/// for zero permits only reports whether the partition is exhausted (with <c>RetryAfter</c> metadata when it is).
/// </remarks>
public interface IRateLimitStore
{
    /// <summary>
    /// A fixed-window limiter partitioned by key, for the policy <paramref name="policy"/>. Limiters created
    /// for the same policy name, limit and window count together (the same counters).
    /// </summary>
    PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window);
}
