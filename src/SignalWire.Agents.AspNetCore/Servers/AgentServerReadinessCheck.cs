using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SignalWire.Agents.AspNetCore.Servers;

/// <summary>An agent server is ready when it serves at least one agent (Redis and shutdown have checks of their own).</summary>
internal sealed class AgentServerReadinessCheck(AgentServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = server.Routes.Count;
        return Task.FromResult(count > 0 ? HealthCheckResult.Healthy($"{count} agent(s)") : HealthCheckResult.Unhealthy("no agents registered"));
    }
}
