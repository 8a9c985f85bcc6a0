namespace SignalWire.Agents.Security;

/// <summary>
/// Remembers single-use keys (one-time tokens, first sightings of a call) until they expire. The default
/// keeps them in memory; a shared store (Redis) makes the guarantee hold across replicas.
/// </summary>
public interface INonceStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/>: <see cref="NonceOutcome.Recorded"/>
    /// the first time, <see cref="NonceOutcome.AlreadyUsed"/> while it is recorded, and
    /// <see cref="NonceOutcome.Unavailable"/> when the store cannot answer safely (full, unreachable, too slow).
    /// </summary>
    ValueTask<NonceOutcome> RecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
