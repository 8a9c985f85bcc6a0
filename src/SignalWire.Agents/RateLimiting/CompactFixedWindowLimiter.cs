using System.Threading.RateLimiting;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// A fixed-window limiter partitioned by key. Counts live in 256 lock-striped open-addressing tables of one
/// 64-bit word per caller: the key's seeded hash in the high bits, its count in the low bits (as many as the
/// limit needs). So 8 bytes per caller, no object per key, no allocation for a granted request, and no whole-table
/// resize pauses (a stripe grows on its own and never reaches the large object heap, so a burst's old tables are
/// reclaimed with the young generation). A fixed window only needs the current window's counts, so each stripe is
/// emptied when the window turns. Memory is bounded (8 MiB at most): past <see cref="MaxKeys"/> distinct callers
/// in one window, further new callers are let through (a caller that rotates its id gets a fresh quota anyway) and
/// counted in <see cref="Overflowed"/>. A word keeps the hash's bits above the count (64 less the count's bits; the
/// stripe is chosen from 8 of them), so two callers of one stripe share a counter when those bits agree. Expected
/// pairs sharing a counter with a full table (786,432 callers): about 2e-5 for a limit below 1,024, 1e-3 below
/// 65,536, 0.02 below 2^20, and 36 at int.MaxValue (0.02 with 20,000 callers) — a limit that high cannot notice.
/// </summary>
internal sealed class CompactFixedWindowLimiter : PartitionedRateLimiter<string>
{
    /// <summary>Most distinct keys held in one window.</summary>
    public const int MaxKeys = StripeCount * MaxSlotsPerStripe * 3 / 4;

    private const int StripeBits = 8;
    private const int StripeCount = 1 << StripeBits;
    private const int InitialSlots = 16;

    /// <summary>
    /// 4,096 words (32 KiB, well below the 85,000 bytes at which an array goes to the large object heap), so at most
    /// 786,432 keys in 8 MiB: hundreds of new callers a second for an hour on one instance, far above any real agent's
    /// traffic; only a flood of distinct callers fills it.
    /// </summary>
    private const int MaxSlotsPerStripe = 1 << 12;

    private readonly Stripe[] _stripes = new Stripe[StripeCount];
    private readonly int _limit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private readonly ulong _seed;
    private static long s_untracked;
    private long _sweptWindow;
    private long _overflowed;

    public CompactFixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
        : this(permitLimit, window, time, KeyHash.NewSeed())
    {
    }

    /// <summary>A limiter whose key hashes use <paramref name="seed"/> (a random one in production, so nobody can aim keys at one counter; fixed in tests, so a run repeats).</summary>
    internal CompactFixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time, ulong seed)
    {
        _seed = seed;
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = permitLimit;
        var countBits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)permitLimit);
        _windowTicks = window.Ticks;
        _time = time;
        for (var i = 0; i < StripeCount; i++)
        {
            _stripes[i] = new Stripe(countBits);
        }
    }

    /// <summary>Keys counted in the current window (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            var (window, _) = Now();
            var count = 0;
            foreach (var stripe in _stripes)
            {
                lock (stripe.Gate)
                {
                    count += stripe.Window == window ? stripe.Used : 0;
                }
            }

            return count;
        }
    }

    /// <summary>New callers let through because the table was full (since start).</summary>
    internal long Overflowed => Interlocked.Read(ref _overflowed);

    /// <summary>New callers let through because a table was full, over every limiter in the process (a metric).</summary>
    internal static long Untracked => Interlocked.Read(ref s_untracked);

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        var (window, _) = Now();
        var key = Hash(resource);
        var stripe = StripeOf(key);
        int used;
        lock (stripe.Gate)
        {
            used = stripe.Window == window && stripe.Find(key) is var slot and >= 0 ? stripe.CountAt(slot) : 0;
        }

        return new RateLimiterStatistics { CurrentAvailablePermits = _limit - used };
    }

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        var (window, retryAfter) = Now();
        SweepIfDue(window);
        var key = Hash(resource);
        var stripe = StripeOf(key);
        lock (stripe.Gate)
        {
            stripe.Enter(window);
            var slot = stripe.Find(key);
            var used = slot >= 0 ? stripe.CountAt(slot) : 0;
            if (permitCount == 0)
            {
                return used < _limit ? FixedWindowLease.Granted : new FixedWindowLease(false, retryAfter);
            }

            if (permitCount > _limit - used)
            {
                return new FixedWindowLease(false, retryAfter);
            }

            if (slot < 0 && (slot = stripe.Insert(key)) < 0)
            {
                Interlocked.Increment(ref _overflowed);
                Interlocked.Increment(ref s_untracked);
                return FixedWindowLease.Granted;
            }

            stripe.SetCount(slot, used + permitCount);
            return FixedWindowLease.Granted;
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

    /// <summary>Once per window, empties every stripe of the previous one, so idle stripes do not keep a burst's memory.</summary>
    private void SweepIfDue(long window)
    {
        var swept = Volatile.Read(ref _sweptWindow);
        if (swept >= window || Interlocked.CompareExchange(ref _sweptWindow, window, swept) != swept)
        {
            return;
        }

        foreach (var stripe in _stripes)
        {
            lock (stripe.Gate)
            {
                stripe.Enter(window);
            }
        }
    }

    /// <summary>The stripe of a key: its top bits (a stripe's words keep the bits below them).</summary>
    private Stripe StripeOf(ulong key) => _stripes[(int)(key >> (64 - StripeBits))];

    private ulong Hash(string value) => KeyHash.Of(value, _seed);

    /// <summary>
    /// One lock and one linear-probing table of the current window's counts. A word is the key's tag (its hash with
    /// the count bits cleared and the bit above them set, so a used word is never 0) or'ed with the count; the
    /// home slot comes from the tag's bits above that set bit, so a grown table can place a word without its key.
    /// </summary>
    private sealed class Stripe(int countBits)
    {
        public readonly Lock Gate = new();
        public ulong[] Words = new ulong[InitialSlots];
        public int Used;
        public long Window = -1;
        private readonly ulong _countMask = (1UL << countBits) - 1;
        private readonly int _homeShift = countBits + 1;

        /// <summary>Moves to <paramref name="window"/>, dropping the previous window's counts (and a grown table).</summary>
        public void Enter(long window)
        {
            if (Window == window)
            {
                return;
            }

            if (Words.Length > InitialSlots)
            {
                Words = new ulong[InitialSlots];
            }
            else
            {
                Array.Clear(Words);
            }

            Used = 0;
            Window = window;
        }

        public int CountAt(int slot) => (int)(Words[slot] & _countMask);

        public void SetCount(int slot, int count) => Words[slot] = (Words[slot] & ~_countMask) | (uint)count;

        public int Find(ulong key)
        {
            var tag = Tag(key);
            var words = Words;
            var mask = words.Length - 1;
            for (var i = Home(tag, mask); ; i = (i + 1) & mask)
            {
                var word = words[i];
                if ((word & ~_countMask) == tag)
                {
                    return i;
                }

                if (word == 0)
                {
                    return -1;
                }
            }
        }

        /// <summary>Adds <paramref name="key"/> with a count of 0; -1 when the stripe is at its maximum size.</summary>
        public int Insert(ulong key)
        {
            if ((Used + 1) * 4 > Words.Length * 3)
            {
                if (Words.Length >= MaxSlotsPerStripe)
                {
                    return -1;
                }

                Grow();
            }

            var tag = Tag(key);
            var i = Place(Words, tag);
            Words[i] = tag;
            Used++;
            return i;
        }

        private ulong Tag(ulong key) => (key & ~_countMask) | (_countMask + 1);

        private int Home(ulong tag, int mask) => (int)(tag >> _homeShift) & mask;

        /// <summary>The first free slot from <paramref name="tag"/>'s home (the table always has one).</summary>
        private int Place(ulong[] words, ulong tag)
        {
            var mask = words.Length - 1;
            var i = Home(tag, mask);
            while (words[i] != 0)
            {
                i = (i + 1) & mask;
            }

            return i;
        }

        private void Grow()
        {
            var old = Words;
            var words = new ulong[old.Length * 2];
            foreach (var word in old)
            {
                if (word != 0)
                {
                    words[Place(words, word & ~_countMask)] = word;
                }
            }

            Words = words;
        }
    }
}
