using System.Text.Json.Nodes;

namespace SignalWire.Relay.Calling;

/// <summary>What a dial or connect rings: <c>{"type": ..., "params": {...}}</c> objects.</summary>
public static class Device
{
    /// <summary>A phone number (E.164), rung for up to <paramref name="timeout"/> seconds.</summary>
    public static JsonObject Phone(string to, string from, int? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        var parameters = new JsonObject { ["to_number"] = to, ["from_number"] = from };
        if (timeout is { } seconds)
        {
            parameters["timeout"] = seconds;
        }

        return new JsonObject { ["type"] = "phone", ["params"] = parameters };
    }

    /// <summary>A SIP address.</summary>
    public static JsonObject Sip(string to, string from, int? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        var parameters = new JsonObject { ["to"] = to, ["from"] = from };
        if (timeout is { } seconds)
        {
            parameters["timeout"] = seconds;
        }

        return new JsonObject { ["type"] = "sip", ["params"] = parameters };
    }

    /// <summary>A WebRTC (RelayCall Fabric) address or resource.</summary>
    public static JsonObject WebRtc(string to, string from)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        return new JsonObject { ["type"] = "webrtc", ["params"] = new JsonObject { ["to"] = to, ["from"] = from } };
    }

    /// <summary>A dial plan: the outer list is tried in turn (serial), each inner list rung at once (parallel).</summary>
    public static JsonArray Plan(IEnumerable<IEnumerable<JsonObject>> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var plan = new JsonArray([.. devices.Select(group => (JsonNode)new JsonArray([.. group.Select(d => d.DeepClone())]))]);
        return plan.Count > 0 && plan.All(g => g!.AsArray().Count > 0)
            ? plan
            : throw new ArgumentException("A dial plan needs at least one device in every group.", nameof(devices));
    }
}
