namespace SignalWire.Agents.Security;

/// <summary>
/// An in-process <see cref="INonceStore"/> with bounded memory: expired keys are swept as the store grows.
/// When it is full of live keys, the tenth of them closest to expiry is dropped, so the store keeps serving:
/// refusing every new key instead would let whoever can fill it (anyone holding the Basic Auth credentials,
/// minting tokens for made-up calls) deny single-use tools to every caller. A dropped key is the one with the
/// least life left, and it is counted in <see cref="Evicted"/>.
/// </summary>
public sealed class InMemoryNonceStore : INonceStore
{
    private readonly ExpiringEntries<byte> _entries;
    private readonly TimeProvider _time;

    /// <summary>Creates a store holding at most <paramref name="capacity"/> live keys.</summary>
    public InMemoryNonceStore(TimeProvider? time = null, int capacity = 1_000_000)
    {
        _entries = new ExpiringEntries<byte>(capacity);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Number of keys held (live or not yet swept).</summary>
    public int Count => _entries.Count;

    /// <summary>Sweeps run so far (for tests and diagnostics).</summary>
    internal int Sweeps => _entries.Sweeps;

    /// <summary>Live keys dropped, closest to expiry first, because the store was full.</summary>
    public long Evicted => _entries.Evicted;

    /// <inheritdoc />
    public ValueTask<NonceOutcome> RecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow().UtcTicks;
        if (!_entries.MakeRoom(now))
        {
            return ValueTask.FromResult(NonceOutcome.Unavailable);
        }

        return ValueTask.FromResult(_entries.TryAddOrReplaceExpired(key, 0, expiresAt.UtcTicks, now) ? NonceOutcome.Recorded : NonceOutcome.AlreadyUsed);
    }
}
