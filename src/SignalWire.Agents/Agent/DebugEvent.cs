using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents;

/// <summary>An AI debug event the platform posts to <c>/debug_events</c> (barge-ins, LLM errors, session start and end, ...).</summary>
public sealed class DebugEvent
{
    internal DebugEvent(JsonObject body)
    {
        Body = body;
        EventType = body.GetString("label") ?? body.GetString("action") ?? "unknown";
        CallId = body.GetString("call_id");
    }

    /// <summary>The event's <c>label</c> (else <c>action</c>, else <c>unknown</c>).</summary>
    public string EventType { get; }

    /// <summary>The call the event belongs to, when the platform says.</summary>
    public string? CallId { get; }

    /// <summary>The whole event.</summary>
    public JsonObject Body { get; }
}
