using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Pipeline;

/// <summary>What an <see cref="AgentPipeline"/> needs from its host; each has an in-process default.</summary>
public sealed class AgentPipelineServices
{
    /// <summary>Loggers for the <c>SignalWire.Agents</c> and audit categories; default none.</summary>
    public ILoggerFactory Loggers { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock for limits, single-use records and durations; default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where rate-limit counters live (per replica in memory, or shared, e.g. Redis); default in memory.</summary>
    public IRateLimitStore? RateLimits { get; init; }

    /// <summary>Where single-use tokens are recorded; default in memory.</summary>
    public INonceStore? Nonces { get; init; }

    /// <summary>Where per-call state (caller verification) is kept; default in memory.</summary>
    public ICallStateStore? CallState { get; init; }

    /// <summary>The instruments; default a meter of the process's own.</summary>
    public AgentMetrics? Metrics { get; init; }
}
