using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// A fixed-window limiter partitioned by key that stores one packed <c>long</c> (window number and count)
/// per key, under a 64-bit keyed hash of the key. It never queues, allocates nothing for granted requests,
/// and drops keys of past windows in one sweep per window, so a million distinct callers cost tens of
/// megabytes rather than a limiter object each.
/// </summary>
internal sealed class CompactFixedWindowLimiter : PartitionedRateLimiter<string>
{
    private const int CountBits = 21;
    private const long CountMask = (1L << CountBits) - 1;

    private readonly ConcurrentDictionary<ulong, long> _counters = new();
    private readonly int _limit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private readonly ulong _seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private long _sweptWindow;
    private int _sweeping;

    public CompactFixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitLimit, (int)CountMask);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = permitLimit;
        _windowTicks = window.Ticks;
        _time = time;
    }

    /// <summary>Keys currently held (for tests and diagnostics).</summary>
    internal int Count => _counters.Count;

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        var (window, _) = Now();
        var used = _counters.TryGetValue(Hash(resource), out var packed) && packed >> CountBits == window ? (int)(packed & CountMask) : 0;
        return new RateLimiterStatistics { CurrentAvailablePermits = _limit - used };
    }

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        var (window, retryAfter) = Now();
        SweepIfDue(window);
        var key = Hash(resource);
        while (true)
        {
            var exists = _counters.TryGetValue(key, out var packed);
            var used = exists && packed >> CountBits == window ? (int)(packed & CountMask) : 0;
            if (permitCount == 0)
            {
                return used < _limit ? FixedWindowLease.Granted : new FixedWindowLease(false, retryAfter);
            }

            if (used + permitCount > _limit)
            {
                return new FixedWindowLease(false, retryAfter);
            }

            var next = (window << CountBits) | (long)(used + permitCount);
            if (exists ? _counters.TryUpdate(key, next, packed) : _counters.TryAdd(key, next))
            {
                return FixedWindowLease.Granted;
            }
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private (long Window, TimeSpan RetryAfter) Now()
    {
        var ticks = _time.GetUtcNow().UtcTicks;
        var window = ticks / _windowTicks;
        return (window, TimeSpan.FromTicks(((window + 1) * _windowTicks) - ticks));
    }

    private void SweepIfDue(long window)
    {
        if (Volatile.Read(ref _sweptWindow) >= window || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            if (Volatile.Read(ref _sweptWindow) < window)
            {
                foreach (var (key, packed) in _counters)
                {
                    if (packed >> CountBits < window)
                    {
                        _counters.TryRemove(new KeyValuePair<ulong, long>(key, packed));
                    }
                }

                Volatile.Write(ref _sweptWindow, window);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// <summary>FNV-1a over the characters, started from a per-process random seed.</summary>
    private ulong Hash(string value)
    {
        var hash = 14695981039346656037UL ^ _seed;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
