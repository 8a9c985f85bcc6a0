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

        var table = limiter.GetType().GetField("_limiters", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(limiter) as ICollection;
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
