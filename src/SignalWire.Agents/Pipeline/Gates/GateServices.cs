using Microsoft.Extensions.Logging;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Pipeline;

/// <summary>What the gates of one agent share: its name, settings, audit trail, metrics and stores.</summary>
internal sealed record GateServices(
    AgentBase Agent,
    AgentSettings Settings,
    AgentAudit Audit,
    AgentMetrics Metrics,
    AgentRateLimits Limits,
    INonceStore Nonces,
    CallerVerificationGate Verification,
    DestinationGuard Destinations,
    ILogger Logger)
{
    /// <summary>The agent's name, as every audit line and metric carries it.</summary>
    public string Name => Agent.Name;
}
