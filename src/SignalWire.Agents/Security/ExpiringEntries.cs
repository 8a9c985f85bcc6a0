using System.Collections.Concurrent;

namespace SignalWire.Agents.Security;

/// <summary>
/// Keys with a value and an expiry, in memory and bounded: expired keys are swept as the map grows, and when
/// it is full of live keys the tenth of them closest to expiry is dropped, so it keeps serving. Refusing every
/// new key instead would let whoever can fill it deny the feature to every caller. Requests never queue behind
/// a sweep: while one runs, the others answer from the count.
/// </summary>
internal sealed class ExpiringEntries<TValue>
{
    private readonly ConcurrentDictionary<string, (TValue Value, long Expiry)> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly Lock _sweepGate = new();
    private int _sweepAt;
    private int _count;
    private int _sweeps;
    private long _evicted;

    public ExpiringEntries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _sweepAt = Math.Min(capacity, 1024);
    }

    /// <summary>Keys held (live or not yet swept); a counter, because the dictionary's count takes every lock.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Sweeps run so far.</summary>
    public int Sweeps => Volatile.Read(ref _sweeps);

    /// <summary>Live keys dropped, closest to expiry first, because the map was full.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>Whether there is room for one more key at <paramref name="now"/> (sweeping when due).</summary>
    public bool MakeRoom(long now) => Count < Volatile.Read(ref _sweepAt) || Sweep(now);

    /// <summary>Adds <paramref name="key"/> unless a live entry holds it; an expired entry is replaced. <see langword="false"/> when a live entry exists.</summary>
    public bool TryAddOrReplaceExpired(string key, TValue value, long expiry, long now)
    {
        while (true)
        {
            if (_entries.TryAdd(key, (value, expiry)))
            {
                Interlocked.Increment(ref _count);
                return true;
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing.Expiry > now)
            {
                return false;
            }

            if (_entries.TryUpdate(key, (value, expiry), existing))
            {
                return true;
            }
        }
    }

    /// <summary>Sets <paramref name="key"/> whatever it held.</summary>
    public void Set(string key, TValue value, long expiry)
    {
        var added = false;
        _entries.AddOrUpdate(key, _ => { added = true; return (value, expiry); }, (_, _) => { added = false; return (value, expiry); });
        if (added)
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>The live value of <paramref name="key"/>.</summary>
    public bool TryGet(string key, long now, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expiry > now)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    public void Remove(string key)
    {
        if (_entries.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>
    /// Drops expired keys, and when the map is still full the live keys closest to expiry, down to nine tenths
    /// of capacity; returns whether there is room.
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
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expiry <= now && _entries.TryRemove(new KeyValuePair<string, (TValue, long)>(key, entry)))
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

        var expiries = _entries.Values.Select(static e => e.Expiry).ToArray();
        Array.Sort(expiries);
        var threshold = expiries[Math.Min(toEvict, expiries.Length) - 1];
        var evicted = 0;
        // First every key strictly before the threshold, then keys at it until the count is reached.
        for (var pass = 0; pass < 2 && evicted < toEvict; pass++)
        {
            foreach (var (key, entry) in _entries)
            {
                if (evicted >= toEvict)
                {
                    break;
                }

                if ((pass == 0 ? entry.Expiry < threshold : entry.Expiry == threshold) && _entries.TryRemove(new KeyValuePair<string, (TValue, long)>(key, entry)))
                {
                    Interlocked.Decrement(ref _count);
                    evicted++;
                }
            }
        }

        Interlocked.Add(ref _evicted, evicted);
    }
}
