using Microsoft.Extensions.Logging;
using SignalWire.Agents.Security;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>
/// Per-call state in Redis (<c>SET key value PX ttl</c>, <c>GET</c>, <c>DEL</c>), so a caller verified on one
/// replica is verified on every other. When Redis cannot answer within the timeout, or while the circuit is open,
/// every operation reports the store unavailable and caller verification fails closed.
/// </summary>
internal sealed partial class RedisCallStateStore(RedisOptions options, RedisCircuit circuit, TimeProvider time, ILogger<RedisCallStateStore> logger) : ICallStateStore, IReplicaSharedStore
{
    private readonly string _prefix = options.KeyPrefix + ":call:";

    public async ValueTask<bool> SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var ttl = expiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return await RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return (await RunAsync(db => db.StringSetAsync(_prefix + key, value, ttl), cancellationToken).ConfigureAwait(false)).Ok;
    }

    public async ValueTask<CallStateRead> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var (ok, value) = await RunAsync(db => db.StringGetAsync(_prefix + key), cancellationToken).ConfigureAwait(false);
        return !ok ? CallStateRead.Unavailable : value.IsNull ? CallStateRead.Missing : CallStateRead.Found(value.ToString());
    }

    public async ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        (await RunAsync(db => db.KeyDeleteAsync(_prefix + key), cancellationToken).ConfigureAwait(false)).Ok;

    /// <summary>Runs one command through the circuit; <c>Ok</c> is <see langword="false"/> when Redis cannot answer (logged unless the circuit is open).</summary>
    private async Task<(bool Ok, T? Value)> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        var (value, failure) = await circuit.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (failure is not null and not "circuit_open")
        {
            Unavailable(logger, failure);
        }

        return (failure is null, value);
    }

    [LoggerMessage(3005, LogLevel.Warning, "Redis did not answer a call-state operation ({Reason}); caller verification fails closed")]
    private static partial void Unavailable(ILogger logger, string reason);
}
