namespace SignalWire.Agents.Security;

/// <summary>
/// Remembers single-use keys (one-time tokens, first sightings of a call) until they expire. The default
/// keeps them in memory; a shared store (Redis) makes the guarantee hold across replicas.
/// </summary>
public interface INonceStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/>. Returns <see langword="true"/> the
    /// first time, <see langword="false"/> when the key is already recorded (or cannot be recorded safely).
    /// </summary>
    ValueTask<bool> TryConsumeAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
