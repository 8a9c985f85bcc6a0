using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Tests.RateLimiting;

public sealed class InMemoryRateLimitStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_key_has_its_own_budget()
    {
        using var limiter = new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 2, TimeSpan.FromMinutes(1));
        Assert.True(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.True(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.False(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.True(limiter.AttemptAcquire("quiet").IsAcquired);
    }

    [Fact]
    public void The_window_resets_and_retry_after_says_when()
    {
        using var limiter = new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 1, TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.AttemptAcquire("k").IsAcquired);
        using var refused = limiter.AttemptAcquire("k");
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.AttemptAcquire("k").IsAcquired);
    }

    [Fact]
    public async Task Asking_for_zero_permits_reports_exhaustion_without_waiting_or_consuming()
    {
        using var limiter = new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 1, TimeSpan.FromMinutes(1));
        using (var before = await limiter.AcquireAsync("ip", 0, TestContext.Current.CancellationToken))
        {
            Assert.True(before.IsAcquired);
        }

        (await limiter.AcquireAsync("ip", 1, TestContext.Current.CancellationToken)).Dispose();
        var peek = limiter.AcquireAsync("ip", 0, TestContext.Current.CancellationToken);
        Assert.True(peek.IsCompleted);
        using var after = await peek;
        Assert.False(after.IsAcquired);
        Assert.True(after.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Concurrent_callers_of_one_key_never_exceed_the_limit()
    {
        using var limiter = new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 100, TimeSpan.FromMinutes(1));
        var granted = 0;
        Parallel.For(0, 1000, _ =>
        {
            if (limiter.AttemptAcquire("hot").IsAcquired)
            {
                Interlocked.Increment(ref granted);
            }
        });
        Assert.Equal(100, granted);
    }

    [Fact]
    public void Memory_follows_the_callers_of_the_current_window()
    {
        var limiter = (CompactFixedWindowLimiter)new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 5, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(limiter.AttemptAcquire("caller-" + i).IsAcquired);
        }

        Assert.Equal(100_000, limiter.Count);
        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.AttemptAcquire("next-window").Dispose();
        Assert.Equal(1, limiter.Count);
        limiter.Dispose();
    }

    [Fact]
    public void Memory_is_bounded_and_known_callers_stay_limited_when_the_table_is_full()
    {
        using var meter = new System.Diagnostics.Metrics.Meter(AgentMetrics.MeterName);
        _ = new AgentMetrics(meter);
        using var untracked = new MetricCollector<long>(meter, AgentMetrics.UntrackedCallersInstrument);
        untracked.RecordObservableInstruments();
        var untrackedBefore = untracked.LastMeasurement!.Value;
        var limiter = (CompactFixedWindowLimiter)new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 2, TimeSpan.FromMinutes(1));
        Assert.True(limiter.AttemptAcquire("known").IsAcquired);
        Assert.True(limiter.AttemptAcquire("known").IsAcquired);

        var extra = 50_000;
        for (var i = 0; i < CompactFixedWindowLimiter.MaxKeys + extra; i++)
        {
            Assert.True(limiter.AttemptAcquire(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).IsAcquired);
        }

        // Every distinct caller is either counted or let through as overflow; nothing beyond the cap is stored.
        Assert.InRange(limiter.Count, CompactFixedWindowLimiter.MaxKeys * 9 / 10, CompactFixedWindowLimiter.MaxKeys);
        Assert.Equal(CompactFixedWindowLimiter.MaxKeys + extra + 1, limiter.Count + limiter.Overflowed);
        Assert.False(limiter.AttemptAcquire("known").IsAcquired);

        // The callers let through show on the process-wide metric (other tests may add to it, never take away).
        untracked.RecordObservableInstruments();
        Assert.InRange(untracked.LastMeasurement!.Value - untrackedBefore, limiter.Overflowed, long.MaxValue);
        Assert.True(limiter.Overflowed >= extra);
        limiter.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65_536)]
    [InlineData(int.MaxValue)]
    public void A_count_can_reach_the_limit_exactly_for_every_caller_while_the_tables_grow(int limit)
    {
        // A fixed seed makes the run repeat: at int.MaxValue only 25 bits tell two callers of one stripe apart, and a
        // random seed gives 20,000 callers a shared counter about one run in fifty (the odds are in the limiter's remarks).
        using var limiter = new CompactFixedWindowLimiter(limit, TimeSpan.FromMinutes(1), _time, seed: 0x5EED_2026_1208_0001);
        const int callers = 20_000;
        for (var i = 0; i < callers; i++)
        {
            Assert.True(limiter.AttemptAcquire("caller-" + i, limit).IsAcquired);
        }

        // Inserting the later callers grew every table several times; no count spilled into another caller's key.
        for (var i = 0; i < callers; i++)
        {
            Assert.Equal(0, limiter.GetStatistics("caller-" + i)!.CurrentAvailablePermits);
            Assert.False(limiter.AttemptAcquire("caller-" + i).IsAcquired);
        }

        Assert.Equal(limit, limiter.GetStatistics("someone-else")!.CurrentAvailablePermits);
    }

    [Fact]
    public void Counts_survive_the_tables_growing_under_them()
    {
        using var limiter = new InMemoryRateLimitStore(_time).CreateFixedWindow("t", 3, TimeSpan.FromMinutes(1));
        const int callers = 50_000;
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < callers; i++)
            {
                Assert.True(limiter.AttemptAcquire("caller-" + i).IsAcquired);
                Assert.Equal(3 - round, limiter.GetStatistics("caller-" + i)!.CurrentAvailablePermits);
            }
        }

        Assert.False(limiter.AttemptAcquire("caller-0").IsAcquired);
        Assert.False(limiter.AttemptAcquire("caller-" + (callers - 1)).IsAcquired);
    }
}
