using System.Diagnostics;

namespace SignalWire.Agents.Telemetry;

/// <summary>
/// The SDK's traces, on the <see cref="ActivitySource"/> named <see cref="SourceName"/>: one span per tool call
/// (<c>signalwire.tool_call</c>) with one child span per gate it passes or is stopped by (<c>signalwire.gate.*</c>) and
/// one for the handler (<c>signalwire.handler</c>), plus the request gates (<c>signalwire.gate.admission</c>,
/// <c>signalwire.gate.signature</c>). Attributes are redacted by construction: the agent, the function, the call id,
/// the gate's decision and the outcome; never arguments, tokens, credentials or phone numbers. Nothing is recorded,
/// and almost nothing spent, until a listener (OpenTelemetry's <c>AddSource</c>) subscribes.
/// </summary>
public static class AgentTracing
{
    /// <summary>The activity source name, for <c>AddSource</c>.</summary>
    public const string SourceName = "SignalWire.Agents";

    /// <summary>The agent's name.</summary>
    public const string AgentAttribute = "signalwire.agent";

    /// <summary>The called function (only when it is a well-formed tool name).</summary>
    public const string FunctionAttribute = "signalwire.function";

    /// <summary>The SignalWire call id.</summary>
    public const string CallIdAttribute = "signalwire.call_id";

    /// <summary>A gate's decision: <c>pass</c>, or why it stopped the call.</summary>
    public const string DecisionAttribute = "signalwire.decision";

    /// <summary>How a tool call ended (<c>success</c>, <c>refused</c>, <c>validation_failed</c>, <c>error</c>, ...).</summary>
    public const string OutcomeAttribute = "signalwire.outcome";

    /// <summary>The decision of a gate that let the call through.</summary>
    public const string Pass = "pass";

    internal static readonly ActivitySource Source = new(SourceName, typeof(AgentTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one tool call, or <see langword="null"/> when nobody listens.</summary>
    internal static Activity? StartToolCall(string agent, string? function, string? callId)
    {
        var activity = Source.StartActivity("signalwire.tool_call", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(AgentAttribute, agent);
            if (function is not null)
            {
                activity.SetTag(FunctionAttribute, function);
            }

            if (callId is not null)
            {
                activity.SetTag(CallIdAttribute, Auditing.LogText.Safe(callId));
            }
        }

        return activity;
    }

    /// <summary>Starts the span of gate <paramref name="gate"/>, or <see langword="null"/> when nobody listens.</summary>
    internal static Activity? StartGate(string gate) => Source.StartActivity(gate, ActivityKind.Internal);

    /// <summary>Records the decision of a gate started with <see cref="StartGate"/> and ends its span.</summary>
    internal static void End(Activity? gate, string decision)
    {
        if (gate is null)
        {
            return;
        }

        // A refusal is the gate working, not a fault: the decision says why, and the status stays unset.
        gate.SetTag(DecisionAttribute, decision);
        gate.Dispose();
    }
}
