using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay.Calling;

/// <summary>What a collect got.</summary>
/// <param name="Type"><c>digit</c>, <c>speech</c>, <c>no_input</c>, <c>no_match</c>, <c>error</c>, or <c>ended</c> when the call ended first.</param>
/// <param name="Digits">The digits pressed, for <c>digit</c>.</param>
/// <param name="Terminator">The key that ended the digits, if any.</param>
/// <param name="Text">What was said, for <c>speech</c>.</param>
/// <param name="Confidence">How sure the recogniser is, for <c>speech</c>.</param>
public sealed record CollectResult(string Type, string? Digits, string? Terminator, string? Text, double? Confidence)
{
    internal static CollectResult From(RelayEvent relayEvent)
    {
        if (relayEvent.Params["result"] is not JsonObject result)
        {
            return new CollectResult(relayEvent.EventType == "calling.call.state" ? "ended" : relayEvent.Get("state") ?? "error", null, null, null, null);
        }

        var parameters = result["params"] as JsonObject ?? [];
        double? confidence = parameters["confidence"] is JsonValue c && c.GetValueKind() == System.Text.Json.JsonValueKind.Number ? c.GetValue<double>() : null;
        return new CollectResult(result.GetString("type") ?? "error", parameters.GetString("digits"), parameters.GetString("terminator"), parameters.GetString("text"), confidence);
    }
}
