using System.Text.Json.Nodes;

namespace SignalWire.Relay.Tests;

/// <summary>Event data the fake server sends.</summary>
internal static class Calls
{
    public static JsonObject Inbound(string callId) => new()
    {
        ["call_id"] = callId,
        ["node_id"] = "node-1",
        ["call_state"] = "created",
        ["direction"] = "inbound",
        ["context"] = "office",
        ["device"] = new JsonObject { ["type"] = "phone", ["params"] = new JsonObject { ["from_number"] = "+14155550123", ["to_number"] = "+14155550100" } },
    };

    public static JsonObject State(string callId, string state, string? endReason = null)
    {
        var data = new JsonObject { ["call_id"] = callId, ["node_id"] = "node-1", ["call_state"] = state };
        if (endReason is not null)
        {
            data["end_reason"] = endReason;
        }

        return data;
    }
}
