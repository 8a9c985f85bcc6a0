using System.Threading.RateLimiting;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// A fixed-window limiter partitioned by key. Counts live in 64 lock-striped open-addressing tables of
/// (keyed 64-bit hash, count) pairs: 12 bytes per caller, no object per key, no allocation for a granted
/// request, and no whole-table resize pauses (a stripe grows on its own). A fixed window only needs the
/// current window's counts, so each stripe is emptied when the window turns. Memory is bounded: past
/// <see cref="MaxKeys"/> distinct callers in one window, further new callers are let through (a caller
/// that rotates its id gets a fresh quota anyway) and counted in <see cref="Overflowed"/>.
/// </summary>
internal sealed class CompactFixedWindowLimiter : PartitionedRateLimiter<string>
{
    /// <summary>Most distinct keys held in one window.</summary>
    public const int MaxKeys = StripeCount * MaxSlotsPerStripe * 3 / 4;

    private const int StripeCount = 64;
    private const int InitialSlots = 64;
    private const int MaxSlotsPerStripe = 1 << 15;

    private readonly Stripe[] _stripes = new Stripe[StripeCount];
    private readonly int _limit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private readonly ulong _seed = KeyHash.NewSeed();
    private long _sweptWindow;
    private long _overflowed;

    public CompactFixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = permitLimit;
        _windowTicks = window.Ticks;
        _time = time;
        for (var i = 0; i < StripeCount; i++)
        {
            _stripes[i] = new Stripe();
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

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        var (window, _) = Now();
        var key = Hash(resource);
        var stripe = StripeOf(key);
        int used;
        lock (stripe.Gate)
        {
            used = stripe.Window == window && stripe.Find(key) is var slot and >= 0 ? stripe.Counts[slot] : 0;
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
            var used = slot >= 0 ? stripe.Counts[slot] : 0;
            if (permitCount == 0)
            {
                return used < _limit ? FixedWindowLease.Granted : new FixedWindowLease(false, retryAfter);
            }

            if (used + permitCount > _limit)
            {
                return new FixedWindowLease(false, retryAfter);
            }

            if (slot < 0 && (slot = stripe.Insert(key)) < 0)
            {
                Interlocked.Increment(ref _overflowed);
                return FixedWindowLease.Granted;
            }

            stripe.Counts[slot] = used + permitCount;
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

    /// <summary>The stripe of a key: its top 6 bits (the slot uses low bits, the lowest being always 1).</summary>
    private Stripe StripeOf(ulong key) => _stripes[(int)(key >> 58)];

    private static int Home(ulong key, int mask) => (int)((key >> 1) & (ulong)mask);

    private ulong Hash(string value) => KeyHash.Of(value, _seed);

    /// <summary>One lock and one linear-probing table of the current window's counts.</summary>
    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public ulong[] Keys = new ulong[InitialSlots];
        public int[] Counts = new int[InitialSlots];
        public int Used;
        public long Window = -1;

        /// <summary>Moves to <paramref name="window"/>, dropping the previous window's counts (and a grown table).</summary>
        public void Enter(long window)
        {
            if (Window == window)
            {
                return;
            }

            if (Keys.Length > InitialSlots)
            {
                Keys = new ulong[InitialSlots];
                Counts = new int[InitialSlots];
            }
            else
            {
                Array.Clear(Keys);
            }

            Used = 0;
            Window = window;
        }

        public int Find(ulong key)
        {
            var mask = Keys.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                var k = Keys[i];
                if (k == key)
                {
                    return i;
                }

                if (k == 0)
                {
                    return -1;
                }
            }
        }

        /// <summary>Adds <paramref name="key"/> with a count of 0; -1 when the stripe is at its maximum size.</summary>
        public int Insert(ulong key)
        {
            if ((Used + 1) * 4 > Keys.Length * 3)
            {
                if (Keys.Length >= MaxSlotsPerStripe)
                {
                    return -1;
                }

                Grow();
            }

            var mask = Keys.Length - 1;
            var i = Home(key, mask);
            while (Keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            Keys[i] = key;
            Counts[i] = 0;
            Used++;
            return i;
        }

        private void Grow()
        {
            var oldKeys = Keys;
            var oldCounts = Counts;
            Keys = new ulong[oldKeys.Length * 2];
            Counts = new int[oldKeys.Length * 2];
            var mask = Keys.Length - 1;
            for (var j = 0; j < oldKeys.Length; j++)
            {
                if (oldKeys[j] == 0)
                {
                    continue;
                }

                var i = Home(oldKeys[j], mask);
                while (Keys[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                Keys[i] = oldKeys[j];
                Counts[i] = oldCounts[j];
            }
        }
    }
}
