using System.Text;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Testing;

/// <summary>Builds the bodies the SignalWire platform posts.</summary>
public static class SwaigRequests
{
    /// <summary>A SWAIG function call as the platform sends it (<c>argument.parsed</c> and <c>argument.raw</c>).</summary>
    public static JsonObject Call(string function, JsonObject? args = null, string callId = "call-1", string? callerNumber = "+14155550123")
    {
        args ??= [];
        return new JsonObject
        {
            ["app_name"] = "swml app",
            ["function"] = function,
            ["argument"] = new JsonObject
            {
                ["parsed"] = new JsonArray(args.DeepClone()),
                ["raw"] = args.ToWireJson(),
                ["substituted"] = string.Empty,
            },
            ["call_id"] = callId,
            ["ai_session_id"] = "session-1",
            ["caller_id_name"] = "Alice",
            ["caller_id_num"] = callerNumber,
            ["content_type"] = "text/swaig",
            ["version"] = "2.0",
            ["global_data"] = new JsonObject { ["tier"] = "gold" },
            ["meta_data"] = new JsonObject(),
        };
    }

    /// <summary>The body of an SWML fetch for <paramref name="callId"/>.</summary>
    public static JsonObject SwmlFetch(string callId = "call-1", string from = "+15559876543") => new()
    {
        ["call"] = new JsonObject
        {
            ["call_id"] = callId,
            ["direction"] = "inbound",
            ["type"] = "phone",
            ["from"] = from,
            ["to"] = "+15551112222",
        },
        ["vars"] = new JsonObject { ["userVariables"] = new JsonObject() },
    };

    /// <summary>JSON content for a request body.</summary>
    public static StringContent Json(JsonNode body) => new(body.ToWireJson(), Encoding.UTF8, "application/json");
}
