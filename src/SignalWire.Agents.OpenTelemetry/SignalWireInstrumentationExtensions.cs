using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.Telemetry;

namespace SignalWire.Agents.OpenTelemetry;

/// <summary>
/// Adds the SDK's telemetry to an OpenTelemetry set-up:
/// <c>services.AddOpenTelemetry().WithTracing(t => t.AddSignalWireInstrumentation()).WithMetrics(m => m.AddSignalWireInstrumentation())</c>.
/// </summary>
public static class SignalWireInstrumentationExtensions
{
    /// <summary>
    /// Subscribes to the <see cref="AgentTracing.SourceName"/> activity source: a <c>signalwire.tool_call</c> span per
    /// tool call with a child per gate (<c>signalwire.gate.token</c>, <c>.rate_limit</c>, <c>.verified_caller</c>,
    /// <c>.validation</c>, <c>.confirmation</c>, <c>.destinations</c>, <c>.emergency</c>) and per handler
    /// (<c>signalwire.handler</c>), and the request gates <c>signalwire.gate.admission</c> and <c>.signature</c>.
    /// </summary>
    public static TracerProviderBuilder AddSignalWireInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(AgentTracing.SourceName);
    }

    /// <summary>
    /// Subscribes to the <see cref="AgentMetrics.MeterName"/> meter: requests, authentication, token, signature and
    /// validation failures, rate limits, emergency blocks, verification events, blocked destinations, and tool
    /// calls with their duration.
    /// </summary>
    public static MeterProviderBuilder AddSignalWireInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(AgentMetrics.MeterName);
    }
}
