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
    public async Task Memory_stays_bounded_expired_keys_are_evicted_and_a_full_store_is_unavailable()
    {
        var store = new InMemoryNonceStore(_time, capacity: 2000);
        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync($"k{i}", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));
        }

        Assert.Equal(NonceOutcome.Unavailable, await store.RecordAsync("overflow", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(NonceOutcome.Unavailable, await store.RecordAsync("overflow-2", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("after-expiry", _time.GetUtcNow().AddSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(store.Count < 2000);
    }

    [Fact]
    public async Task A_store_full_of_live_keys_is_not_rescanned_before_its_earliest_key_expires()
    {
        var store = new InMemoryNonceStore(_time, capacity: 1024);
        for (var i = 0; i < 1024; i++)
        {
            await store.RecordAsync($"k{i}", _time.GetUtcNow().AddMinutes(10 + i), TestContext.Current.CancellationToken);
        }

        for (var second = 0; second < 30; second++)
        {
            Assert.Equal(NonceOutcome.Unavailable, await store.RecordAsync($"late{second}", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(1, store.Sweeps);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(NonceOutcome.Recorded, await store.RecordAsync("after-the-first-expiry", _time.GetUtcNow().AddMinutes(10), TestContext.Current.CancellationToken));
        Assert.Equal(2, store.Sweeps);
    }
}
