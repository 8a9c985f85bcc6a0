using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Tests.Security;

public sealed class InMemoryNonceStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_key_is_accepted_once_until_it_expires()
    {
        var store = new InMemoryNonceStore(_time);
        var expiry = _time.GetUtcNow().AddMinutes(5);
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("a", expiry, TestContext.Current.CancellationToken));
        Assert.Equal(NonceOutcome.AlreadyUsed, await store.RecordAsync("a", expiry, TestContext.Current.CancellationToken));
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("b", expiry, TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("a", _time.GetUtcNow().AddMinutes(5), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_consumers_of_one_key_get_exactly_one_success()
    {
        var store = new InMemoryNonceStore(_time);
        var expiry = _time.GetUtcNow().AddMinutes(5);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.RecordAsync("same", expiry).AsTask())));
        Assert.Single(results, r => r == NonceOutcome.Recorded);
    }

    [Fact]
    public async Task Memory_stays_bounded_and_expired_keys_are_swept_before_any_live_key_is_dropped()
    {
        var store = new InMemoryNonceStore(_time, capacity: 2000);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync($"short{i}", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));
            Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync($"long{i}", _time.GetUtcNow().AddHours(1), TestContext.Current.CancellationToken));
        }

        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("after-expiry", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));

        Assert.Equal(1001, store.Count);
        Assert.Equal(0, store.Evicted);
        Assert.Equal(NonceOutcome.AlreadyUsed, await store.RecordAsync("long0", _time.GetUtcNow().AddHours(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_store_full_of_live_keys_drops_the_tenth_closest_to_expiry_and_keeps_serving()
    {
        var store = new InMemoryNonceStore(_time, capacity: 1024);
        for (var i = 0; i < 1024; i++)
        {
            await store.RecordAsync($"k{i}", _time.GetUtcNow().AddMinutes(10 + i), TestContext.Current.CancellationToken);
        }

        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("one-more", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));

        // Down to 1024 - 1024 / 10 = 922 keys, then the new one; the dropped keys are k0..k101, the soonest to expire.
        Assert.Equal(102, store.Evicted);
        Assert.Equal(923, store.Count);
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("k101", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));
        Assert.Equal(NonceOutcome.AlreadyUsed, await store.RecordAsync("k102", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));
        Assert.Equal(NonceOutcome.AlreadyUsed, await store.RecordAsync("k1023", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Eviction_drops_exactly_its_share_when_every_key_expires_at_the_same_moment()
    {
        var store = new InMemoryNonceStore(_time, capacity: 2000);
        var expiry = _time.GetUtcNow().AddHours(1);
        for (var i = 0; i < 2000; i++)
        {
            await store.RecordAsync($"k{i}", expiry, TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync($"flood{i}", expiry, TestContext.Current.CancellationToken));
        }

        // Each time the store fills, exactly 200 keys go (not every key sharing the earliest expiry): 3 times for 500 new keys.
        Assert.Equal(600, store.Evicted);
        Assert.Equal(1900, store.Count);
    }
}
