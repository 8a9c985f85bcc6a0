using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>
/// A circuit breaker in front of Redis. After <see cref="RedisOptions.FailureThreshold"/> operations in a row
/// fail, the circuit opens: callers answer at once from their outage rule (limits count on this replica,
/// single-use tokens are refused) instead of each waiting out the timeout, and one background loop pings
/// Redis every <see cref="RedisOptions.ProbeInterval"/> until it answers, which closes the circuit.
/// </summary>
internal sealed partial class RedisCircuit(IConnectionMultiplexer redis, RedisOptions options, TimeProvider time, ILogger<RedisCircuit> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _failures;
    private int _open;

    /// <summary>Whether Redis is considered down: callers must not wait for it.</summary>
    public bool IsOpen => Volatile.Read(ref _open) == 1;

    /// <summary>An operation succeeded.</summary>
    public void RecordSuccess() => Volatile.Write(ref _failures, 0);

    /// <summary>An operation failed (timed out or Redis was unreachable); enough in a row open the circuit.</summary>
    public void RecordFailure(string reason)
    {
        if (Interlocked.Increment(ref _failures) >= options.FailureThreshold && Interlocked.CompareExchange(ref _open, 1, 0) == 0)
        {
            Opened(logger, reason, options.ProbeInterval.TotalSeconds);
            _ = Task.Run(ProbeAsync);
        }
    }

    /// <summary>
    /// Runs one command within the operation timeout, unless the circuit is open: <c>Failure</c> is <see langword="null"/>
    /// on success, else why Redis could not answer ("circuit_open", or the exception's type), which is recorded.
    /// </summary>
    public async Task<(T? Value, string? Failure)> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            // Redis is known to be down: answer at once rather than wait out the timeout.
            return (default, "circuit_open");
        }

        try
        {
            var value = await command(redis.GetDatabase()).WaitAsync(options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            RecordSuccess();
            return (value, null);
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            RecordFailure(ex.GetType().Name);
            return (default, ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ProbeAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ProbeInterval, time, token).ConfigureAwait(false);
                await redis.GetDatabase().PingAsync().WaitAsync(options.OperationTimeout, token).ConfigureAwait(false);
                Volatile.Write(ref _failures, 0);
                Volatile.Write(ref _open, 0);
                Closed(logger);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
            {
                // Still down: try again after the next interval.
            }
        }
    }

    [LoggerMessage(3003, LogLevel.Warning, "Redis is not answering ({Reason}); until it does, shared limits and single-use checks answer at once from their outage rule, and Redis is probed every {ProbeSeconds} s")]
    private static partial void Opened(ILogger logger, string reason, double probeSeconds);

    [LoggerMessage(3004, LogLevel.Information, "Redis answers again; shared limits and single-use tokens resume")]
    private static partial void Closed(ILogger logger);
}
