using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay;

/// <summary>An event the server sent (<c>signalwire.event</c>): its type and its data.</summary>
/// <param name="EventType">The event type (<c>calling.call.state</c>, <c>calling.call.play</c>, <c>messaging.state</c>...).</param>
/// <param name="Params">The event's data (the nested <c>params</c>).</param>
public sealed record RelayEvent(string EventType, JsonObject Params)
{
    /// <summary>A string field of <see cref="Params"/>, or <see langword="null"/>.</summary>
    public string? Get(string name) => Params.GetString(name);
}
