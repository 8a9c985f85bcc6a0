using System.Collections.Concurrent;

namespace SignalWire.Agents.Security;

/// <summary>
/// An in-process <see cref="INonceStore"/> with bounded memory: expired keys are swept as the store grows.
/// When it is full of live keys, the tenth of them closest to expiry is dropped, so the store keeps serving:
/// refusing every new key instead would let whoever can fill it (anyone holding the Basic Auth credentials,
/// minting tokens for made-up calls) deny single-use tools to every caller. A dropped key is the one with the
/// least life left, and it is counted in <see cref="Evicted"/>.
/// </summary>
public sealed class InMemoryNonceStore : INonceStore
{
    private readonly ConcurrentDictionary<string, long> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Lock _sweepGate = new();
    private int _sweepAt;
    private int _count;
    private int _sweeps;
    private long _evicted;

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

    /// <summary>Live keys dropped, closest to expiry first, because the store was full.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>
    /// Drops expired keys, and when the store is still full the live keys closest to expiry, down to nine
    /// tenths of capacity; returns whether there is room. Requests never queue behind a sweep: while one
    /// runs, the others answer from the count.
    /// </summary>
    private bool Sweep(long now)
    {
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
            foreach (var (key, expiry) in _entries)
            {
                if (expiry <= now && _entries.TryRemove(new KeyValuePair<string, long>(key, expiry)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            if (Count >= _capacity)
            {
                EvictClosestToExpiry(Count - (_capacity - (_capacity / 10)));
            }

            // Sweep again when the live set has doubled, so sweeping stays amortised O(1) per insert.
            Volatile.Write(ref _sweepAt, Math.Clamp(Count * 2, 1024, _capacity));
            return Count < _capacity;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }

    /// <summary>Removes <paramref name="toEvict"/> keys, those expiring soonest first (exactly that many, even when expiries tie).</summary>
    private void EvictClosestToExpiry(int toEvict)
    {
        if (toEvict <= 0)
        {
            return;
        }

        var expiries = _entries.Values.ToArray();
        Array.Sort(expiries);
        var threshold = expiries[Math.Min(toEvict, expiries.Length) - 1];
        var evicted = 0;
        // First every key strictly before the threshold, then keys at it until the count is reached.
        for (var pass = 0; pass < 2 && evicted < toEvict; pass++)
        {
            foreach (var (key, expiry) in _entries)
            {
                if (evicted >= toEvict)
                {
                    break;
                }

                if ((pass == 0 ? expiry < threshold : expiry == threshold) && _entries.TryRemove(new KeyValuePair<string, long>(key, expiry)))
                {
                    Interlocked.Decrement(ref _count);
                    evicted++;
                }
            }
        }

        Interlocked.Add(ref _evicted, evicted);
    }
}
