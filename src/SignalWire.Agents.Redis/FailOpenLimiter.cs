using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.Redis;

/// <summary>
/// Uses the shared (Redis) limiter and, when Redis cannot answer in time, the process's own in-memory
/// limiter with the same limits: a Redis outage degrades limits to per-replica rather than refusing calls
/// or hanging them. Once the circuit is open, the local limiter answers without asking Redis at all. A warning
/// is logged at most every 30 seconds while this happens.
/// </summary>
internal sealed partial class FailOpenLimiter(PartitionedRateLimiter<string> shared, PartitionedRateLimiter<string> local, RedisCircuit circuit, ILogger logger, TimeProvider time)
    : PartitionedRateLimiter<string>
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);
    private long _lastWarning = long.MinValue;

    public override RateLimiterStatistics? GetStatistics(string resource) => local.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        if (circuit.IsOpen)
        {
            return local.AttemptAcquire(resource, permitCount);
        }

        try
        {
            var lease = shared.AttemptAcquire(resource, permitCount);
            circuit.RecordSuccess();
            return lease;
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            Fail(ex);
            return local.AttemptAcquire(resource, permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        if (circuit.IsOpen)
        {
            return await local.AcquireAsync(resource, permitCount, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var lease = await shared.AcquireAsync(resource, permitCount, cancellationToken).ConfigureAwait(false);
            circuit.RecordSuccess();
            return lease;
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            Fail(ex);
            return await local.AcquireAsync(resource, permitCount, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Fail(Exception ex)
    {
        circuit.RecordFailure(ex.GetType().Name);
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) >= WarningInterval) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            Degraded(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(3002, LogLevel.Warning, "Redis did not answer a rate-limit check ({Reason}); counting on this replica only until it is back (fail open)")]
    private static partial void Degraded(ILogger logger, string reason);
}
