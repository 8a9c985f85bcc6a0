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
internal sealed partial class RedisNonceStore(IConnectionMultiplexer redis, RedisOptions options, RedisCircuit circuit, TimeProvider time, ILogger<RedisNonceStore> logger) : INonceStore
{
    private readonly string _prefix = options.KeyPrefix + ":nonce:";

    public async ValueTask<NonceOutcome> RecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var ttl = expiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return NonceOutcome.AlreadyUsed;
        }

        if (circuit.IsOpen)
        {
            // Redis is known to be down: refuse at once rather than wait out the timeout.
            return NonceOutcome.Unavailable;
        }

        try
        {
            var set = await redis.GetDatabase().StringSetAsync(_prefix + key, 1, ttl, When.NotExists).WaitAsync(options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            circuit.RecordSuccess();
            return set ? NonceOutcome.Recorded : NonceOutcome.AlreadyUsed;
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            circuit.RecordFailure(ex.GetType().Name);
            Unavailable(logger, ex.GetType().Name);
            return NonceOutcome.Unavailable;
        }
    }

    [LoggerMessage(3001, LogLevel.Warning, "Redis did not answer a single-use check ({Reason}); refusing the token (fail closed)")]
    private static partial void Unavailable(ILogger logger, string reason);
}
