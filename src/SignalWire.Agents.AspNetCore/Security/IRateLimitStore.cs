using System.Threading.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

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
    /// <summary>A fixed-window limiter partitioned by key, for the policy <paramref name="policy"/>.</summary>
    PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window);
}

/// <summary>In-memory fixed windows; idle partitions are dropped, so memory follows the active callers.</summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    /// <inheritdoc />
    public PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window) =>
        new NonQueuingLimiter(PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        })));

    /// <summary>
    /// Answers every request at once: the framework's limiters treat an asynchronous request for zero
    /// permits as "wait until permits are free", which would hold a blocked client's request open.
    /// </summary>
    private sealed class NonQueuingLimiter(PartitionedRateLimiter<string> inner) : PartitionedRateLimiter<string>
    {
        public override RateLimiterStatistics? GetStatistics(string resource) => inner.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) => inner.AttemptAcquire(resource, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(inner.AttemptAcquire(resource, permitCount));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
