namespace SignalWire.Agents.Security;

/// <summary>
/// Short-lived state that belongs to one call (whether the caller is verified, the hash of a one-time code),
/// kept until it expires. The default keeps it in memory; a shared store (Redis) makes it hold across replicas.
/// Every operation reports when the store cannot answer, so that callers protecting something can fail closed.
/// </summary>
public interface ICallStateStore
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> until <paramref name="expiresAt"/>; <see langword="false"/> when the store cannot answer.</summary>
    ValueTask<bool> SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The live value of <paramref name="key"/>, none, or <see cref="CallStateRead.Unavailable"/>.</summary>
    ValueTask<CallStateRead> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="key"/>; <see langword="false"/> when the store cannot answer.</summary>
    ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);
}
