namespace SignalWire.Agents.Security;

/// <summary>
/// An in-process <see cref="ICallStateStore"/> with bounded memory: expired keys are swept as it grows, and
/// when it is full of live keys the tenth closest to expiry is dropped (a dropped verification only means the
/// caller is asked again). Per replica: several replicas share call state through a shared store (Redis).
/// </summary>
public sealed class InMemoryCallStateStore : ICallStateStore
{
    private readonly ExpiringEntries<string> _entries;
    private readonly TimeProvider _time;

    /// <summary>Creates a store holding at most <paramref name="capacity"/> live keys.</summary>
    public InMemoryCallStateStore(TimeProvider? time = null, int capacity = 200_000)
    {
        _entries = new ExpiringEntries<string>(capacity);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Number of keys held (live or not yet swept).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<bool> SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var now = _time.GetUtcNow().UtcTicks;
        if (!_entries.MakeRoom(now))
        {
            return ValueTask.FromResult(false);
        }

        _entries.Set(key, value, expiresAt.UtcTicks);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask<CallStateRead> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ValueTask.FromResult(_entries.TryGet(key, _time.GetUtcNow().UtcTicks, out var value) ? CallStateRead.Found(value) : CallStateRead.Missing);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _entries.Remove(key);
        return ValueTask.FromResult(true);
    }
}
