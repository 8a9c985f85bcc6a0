namespace SignalWire.Agents.Security;

/// <summary>
/// Remembers keys until they expire, in bounded memory and without an object per key: 64 lock-striped,
/// 8-way set-associative tables of (keyed 64-bit hash, expiry). A key's bucket is the only place it can be,
/// so a lookup reads at most 8 slots; an expired slot is reused in place, so nothing ever sweeps; a stripe
/// doubles on its own (a few microseconds under its own lock) up to its share of the capacity. When a
/// key's bucket is full of live keys at full size, the one closest to expiry is dropped and counted in
/// <see cref="Evicted"/>. Two keys with the same 64-bit hash count as one (odds about n²/2⁶⁵).
/// </summary>
internal sealed class RecentKeyTable
{
    private const int StripeCount = 64;
    private const int Ways = 8;
    private const int InitialBuckets = 8;

    private readonly Stripe[] _stripes = new Stripe[StripeCount];
    private readonly int _maxBuckets;
    private readonly ulong _seed = KeyHash.NewSeed();
    private long _evicted;

    /// <summary>
    /// Creates a table meant for <paramref name="capacity"/> live keys. It has room for at least twice as many
    /// (a power of two), so with that many live keys a bucket holds four on average and eviction stays rare.
    /// </summary>
    public RecentKeyTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 26);
        var buckets = ((2L * capacity) + (StripeCount * Ways) - 1) / (StripeCount * Ways);
        _maxBuckets = Math.Max(InitialBuckets, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)buckets));
        for (var i = 0; i < StripeCount; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    /// <summary>Slots at full size: the most live keys that can be held.</summary>
    public int Capacity => StripeCount * Ways * _maxBuckets;

    /// <summary>Live keys dropped, closest to expiry first, because their bucket was full.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAtTicks"/>; <see langword="false"/> when it
    /// is already recorded and not yet expired at <paramref name="nowTicks"/>.
    /// </summary>
    public bool TryRecord(string key, long expiresAtTicks, long nowTicks)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = KeyHash.Of(key, _seed);
        var stripe = _stripes[(int)(hash >> 58)];
        lock (stripe.Gate)
        {
            while (true)
            {
                switch (stripe.Record(hash, expiresAtTicks, nowTicks))
                {
                    case Stripe.Result.Recorded:
                        return true;
                    case Stripe.Result.Live:
                        return false;
                    default:
                        if (stripe.Buckets < _maxBuckets)
                        {
                            stripe.Grow(nowTicks);
                            continue;
                        }

                        stripe.ReplaceClosestToExpiry(hash, expiresAtTicks);
                        Interlocked.Increment(ref _evicted);
                        return true;
                }
            }
        }
    }

    /// <summary>One lock and one bucketed table.</summary>
    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        private ulong[] _keys = new ulong[InitialBuckets * Ways];
        private long[] _expiries = new long[InitialBuckets * Ways];

        public enum Result
        {
            Recorded,
            Live,
            BucketFull,
        }

        public int Buckets => _keys.Length / Ways;

        public Result Record(ulong hash, long expiry, long now)
        {
            var start = BucketStart(hash, Buckets);
            var free = -1;
            for (var i = start; i < start + Ways; i++)
            {
                if (_keys[i] == hash)
                {
                    if (_expiries[i] > now)
                    {
                        return Result.Live;
                    }

                    _expiries[i] = expiry;
                    return Result.Recorded;
                }

                if (free < 0 && (_keys[i] == 0 || _expiries[i] <= now))
                {
                    free = i;
                }
            }

            if (free < 0)
            {
                return Result.BucketFull;
            }

            _keys[free] = hash;
            _expiries[free] = expiry;
            return Result.Recorded;
        }

        /// <summary>Puts <paramref name="hash"/> in place of the live key closest to expiry in its bucket.</summary>
        public void ReplaceClosestToExpiry(ulong hash, long expiry)
        {
            var start = BucketStart(hash, Buckets);
            var victim = start;
            for (var i = start + 1; i < start + Ways; i++)
            {
                if (_expiries[i] < _expiries[victim])
                {
                    victim = i;
                }
            }

            _keys[victim] = hash;
            _expiries[victim] = expiry;
        }

        /// <summary>Doubles the buckets, keeping live keys. A bucket splits in two, so none can overflow.</summary>
        public void Grow(long now)
        {
            var oldKeys = _keys;
            var oldExpiries = _expiries;
            _keys = new ulong[oldKeys.Length * 2];
            _expiries = new long[oldKeys.Length * 2];
            var buckets = Buckets;
            for (var j = 0; j < oldKeys.Length; j++)
            {
                if (oldKeys[j] == 0 || oldExpiries[j] <= now)
                {
                    continue;
                }

                var i = BucketStart(oldKeys[j], buckets);
                while (_keys[i] != 0)
                {
                    i++;
                }

                _keys[i] = oldKeys[j];
                _expiries[i] = oldExpiries[j];
            }
        }

        /// <summary>The first slot of the hash's bucket (low bits; the stripe took the top six).</summary>
        private static int BucketStart(ulong hash, int buckets) => (int)((hash >> 1) & (ulong)(buckets - 1)) * Ways;
    }
}
