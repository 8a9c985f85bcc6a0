using System.Threading.RateLimiting;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// In-memory fixed windows: one 64-bit counter per active key, windows aligned to the clock, keys of
/// past windows swept once per window, so memory follows the keys seen in the current window.
/// </summary>
public sealed class InMemoryRateLimitStore(TimeProvider? time = null) : IRateLimitStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Policy, int Limit, TimeSpan Window), PartitionedRateLimiter<string>> _limiters = new();

    /// <inheritdoc />
    public PartitionedRateLimiter<string> CreateFixedWindow(string policy, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return _limiters.GetOrAdd((policy, permitLimit, window), static (key, clock) => new CompactFixedWindowLimiter(key.Limit, key.Window, clock), time ?? TimeProvider.System);
    }
}
