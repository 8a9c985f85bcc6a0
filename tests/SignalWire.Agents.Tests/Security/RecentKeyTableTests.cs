using SignalWire.Agents.Security;

namespace SignalWire.Agents.Tests.Security;

public sealed class RecentKeyTableTests
{
    private const long Now = 1_000_000;

    [Fact]
    public void A_key_is_new_once_until_it_expires()
    {
        var table = new RecentKeyTable(1000);

        Assert.True(table.TryRecord("call-1", Now + 100, Now));
        Assert.False(table.TryRecord("call-1", Now + 100, Now + 50));
        Assert.True(table.TryRecord("call-2", Now + 100, Now + 50));
        Assert.True(table.TryRecord("call-1", Now + 300, Now + 100));
        Assert.False(table.TryRecord("call-1", Now + 300, Now + 200));
    }

    [Fact]
    public void Grows_to_hold_its_keys_without_dropping_any()
    {
        // 2,500 keys in 8,192 buckets of 8: a bucket overflows (and evicts) with odds below one in a million.
        var table = new RecentKeyTable(20_000);
        var keys = Enumerable.Range(0, 2_500).Select(i => $"call-{i}").ToArray();

        Assert.All(keys, k => Assert.True(table.TryRecord(k, Now + 100, Now)));
        Assert.All(keys, k => Assert.False(table.TryRecord(k, Now + 100, Now + 1)));
        Assert.Equal(0, table.Evicted);
    }

    [Fact]
    public void A_flood_stays_within_capacity_and_drops_the_keys_closest_to_expiry()
    {
        var table = new RecentKeyTable(1000);
        var capacity = table.Capacity;
        Assert.True(table.TryRecord("long-lived", Now + 1_000_000, Now));

        for (var i = 0; i < capacity * 20; i++)
        {
            Assert.True(table.TryRecord($"flood-{i}", Now + 1000 + (i % 7), Now));
        }

        Assert.Equal(capacity, table.Capacity);
        Assert.True(table.Evicted >= (capacity * 19) - 1, $"evicted {table.Evicted}");
        Assert.False(table.TryRecord("long-lived", Now + 1_000_000, Now + 10));
    }

    [Fact]
    public void Expired_slots_are_reused_without_evicting()
    {
        var table = new RecentKeyTable(1000);
        for (var i = 0; i < table.Capacity * 3; i++)
        {
            table.TryRecord($"old-{i}", Now + 10, Now);
        }

        // The new keys are few enough (1 per 64 slots) that none of their buckets can fill with new live keys
        // (odds below 1e-10), so every one of them must find a reusable expired slot.
        var evicted = table.Evicted;
        for (var i = 0; i < table.Capacity / 64; i++)
        {
            Assert.True(table.TryRecord($"new-{i}", Now + 1000, Now + 20));
        }

        Assert.Equal(evicted, table.Evicted);
    }

    [Fact]
    public void Concurrent_recording_of_one_key_lets_exactly_one_through()
    {
        var table = new RecentKeyTable(1000);
        var firsts = 0;
        Parallel.For(0, 64, _ =>
        {
            if (table.TryRecord("same-call", Now + 100, Now))
            {
                Interlocked.Increment(ref firsts);
            }
        });

        Assert.Equal(1, firsts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((1 << 26) + 1)]
    public void Capacity_out_of_range_is_refused(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentKeyTable(capacity));
}
