using System.Collections.Concurrent;

namespace SignalWire.Agents.Security;

/// <summary>
/// An in-process <see cref="INonceStore"/> with bounded memory: expired keys are swept as the store grows,
/// and when it is full of live keys it answers <see cref="NonceOutcome.Unavailable"/> (callers that protect
/// something fail closed) rather than forgetting keys that are still live.
/// </summary>
public sealed class InMemoryNonceStore : INonceStore
{
    private static readonly TimeSpan FullBackoff = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Lock _sweepGate = new();
    private int _sweepAt;
    private int _count;
    private long _nextSweepWhenFull;
    private int _sweeps;

    /// <summary>Creates a store holding at most <paramref name="capacity"/> live keys.</summary>
    public InMemoryNonceStore(TimeProvider? time = null, int capacity = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time ?? TimeProvider.System;
        _capacity = capacity;
        _sweepAt = Math.Min(capacity, 1024);
    }

    /// <summary>Number of keys held (live or not yet swept).</summary>
    /// <remarks>Kept in a counter: <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock.</remarks>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public ValueTask<NonceOutcome> RecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow().UtcTicks;
        if (Count >= Volatile.Read(ref _sweepAt) && !Sweep(now))
        {
            return ValueTask.FromResult(NonceOutcome.Unavailable);
        }

        var expiry = expiresAt.UtcTicks;
        while (true)
        {
            if (_entries.TryAdd(key, expiry))
            {
                Interlocked.Increment(ref _count);
                return ValueTask.FromResult(NonceOutcome.Recorded);
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing > now)
            {
                return ValueTask.FromResult(NonceOutcome.AlreadyUsed);
            }

            // The earlier use has expired: the key may be recorded again.
            if (_entries.TryUpdate(key, expiry, existing))
            {
                return ValueTask.FromResult(NonceOutcome.Recorded);
            }
        }
    }

    /// <summary>Sweeps run so far (for tests and diagnostics).</summary>
    internal int Sweeps => Volatile.Read(ref _sweeps);

    /// <summary>
    /// Drops expired keys; returns whether there is room. A store full of live keys is not scanned again
    /// before its earliest key expires (nothing could be freed sooner), and at most once a second; requests
    /// never queue behind a sweep: while one runs, the others answer from the count.
    /// </summary>
    private bool Sweep(long now)
    {
        if (Count >= _capacity && now < Volatile.Read(ref _nextSweepWhenFull))
        {
            return false;
        }

        if (!_sweepGate.TryEnter())
        {
            return Count < _capacity;
        }

        try
        {
            if (Count < Volatile.Read(ref _sweepAt))
            {
                return true;
            }

            Interlocked.Increment(ref _sweeps);
            var earliestLive = long.MaxValue;
            foreach (var (key, expiry) in _entries)
            {
                if (expiry > now)
                {
                    earliestLive = Math.Min(earliestLive, expiry);
                }
                else if (_entries.TryRemove(new KeyValuePair<string, long>(key, expiry)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            // Sweep again when the live set has doubled, so sweeping stays amortised O(1) per insert.
            Volatile.Write(ref _sweepAt, Math.Clamp(Count * 2, 1024, _capacity));
            if (Count >= _capacity)
            {
                Volatile.Write(ref _nextSweepWhenFull, Math.Max(now + FullBackoff.Ticks, earliestLive));
                return false;
            }

            return true;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }
}
