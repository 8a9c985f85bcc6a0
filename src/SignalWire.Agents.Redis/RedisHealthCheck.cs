using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>Readiness: Redis answers a PING within the operation timeout (and is not known to be down).</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, RedisOptions options, RedisCircuit circuit) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (circuit.IsOpen)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable (probing)");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable");
        }
    }
}
