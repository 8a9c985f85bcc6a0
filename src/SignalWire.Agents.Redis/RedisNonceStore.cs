using Microsoft.Extensions.Logging;
using SignalWire.Agents.Security;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>
/// Single-use keys in Redis with an atomic <c>SET key 1 NX PX ttl</c>, so a token used on one replica is
/// refused on every other. When Redis cannot answer within the timeout the outcome is
/// <see cref="NonceOutcome.Unavailable"/>, and the callers that protect something fail closed; while the
/// circuit is open that answer comes at once.
/// </summary>
internal sealed partial class RedisNonceStore(RedisOptions options, RedisCircuit circuit, TimeProvider time, ILogger<RedisNonceStore> logger) : INonceStore, IReplicaSharedStore
{
    private readonly string _prefix = options.KeyPrefix + ":nonce:";

    public async ValueTask<NonceOutcome> RecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var ttl = expiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return NonceOutcome.AlreadyUsed;
        }

        var (set, failure) = await circuit.RunAsync(db => db.StringSetAsync(_prefix + key, 1, ttl, When.NotExists), cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            return set ? NonceOutcome.Recorded : NonceOutcome.AlreadyUsed;
        }

        if (failure != "circuit_open")
        {
            Unavailable(logger, failure);
        }

        return NonceOutcome.Unavailable;
    }

    [LoggerMessage(3001, LogLevel.Warning, "Redis did not answer a single-use check ({Reason}); refusing the token (fail closed)")]
    private static partial void Unavailable(ILogger logger, string reason);
}
