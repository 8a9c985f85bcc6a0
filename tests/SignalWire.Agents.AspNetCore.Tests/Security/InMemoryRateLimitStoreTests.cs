using System.Collections;
using System.Reflection;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

public sealed class InMemoryRateLimitStoreTests
{
    [Fact]
    public void Each_key_has_its_own_budget()
    {
        using var limiter = new InMemoryRateLimitStore().CreateFixedWindow("t", 2, TimeSpan.FromMinutes(1));
        Assert.True(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.True(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.False(limiter.AttemptAcquire("noisy").IsAcquired);
        Assert.True(limiter.AttemptAcquire("quiet").IsAcquired);
    }

    [Fact]
    public async Task Asking_for_zero_permits_reports_exhaustion_without_waiting()
    {
        using var limiter = new InMemoryRateLimitStore().CreateFixedWindow("t", 1, TimeSpan.FromMinutes(1));
        using (var before = await limiter.AcquireAsync("ip", 0, TestContext.Current.CancellationToken))
        {
            Assert.True(before.IsAcquired);
        }

        (await limiter.AcquireAsync("ip", 1, TestContext.Current.CancellationToken)).Dispose();
        var peek = limiter.AcquireAsync("ip", 0, TestContext.Current.CancellationToken);
        Assert.True(peek.IsCompleted);
        using var after = await peek;
        Assert.False(after.IsAcquired);
        Assert.True(after.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Memory follows the active callers: partitions idle past their window are dropped by the framework's
    /// partitioned limiter. This reads its private partition table, so a framework change that breaks the
    /// guarantee (or the field) fails here rather than going unnoticed.
    /// </summary>
    [Fact]
    public async Task Partitions_of_callers_that_went_quiet_are_dropped()
    {
        using var limiter = new InMemoryRateLimitStore().CreateFixedWindow("t", 5, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 20_000; i++)
        {
            limiter.AttemptAcquire("caller-" + i).Dispose();
        }

        var inner = limiter.GetType().GetField("inner", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(limiter)
            ?? limiter.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Single(f => f.FieldType == typeof(System.Threading.RateLimiting.PartitionedRateLimiter<string>)).GetValue(limiter)!;
        var table = inner.GetType().GetField("_limiters", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(inner) as ICollection;
        Assert.NotNull(table);
        Assert.Equal(20_000, table.Count);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (table.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Empty(table);
    }
}
