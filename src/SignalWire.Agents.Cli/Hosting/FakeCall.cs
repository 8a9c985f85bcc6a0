using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>The made-up call a command acts for: what the platform would send when fetching SWML and when calling a tool.</summary>
internal sealed record FakeCall
{
    public string CallId { get; init; } = Guid.NewGuid().ToString();

    public string CallType { get; init; } = "webrtc";

    public string Direction { get; init; } = "inbound";

    public string State { get; init; } = "created";

    public string FromNumber { get; init; } = "+15555550100";

    public string ToExtension { get; init; } = "agent";

    /// <summary>The call's user variables (<c>vars.userVariables</c> of the SWML fetch), from <c>--user-vars</c>.</summary>
    public JsonObject UserVariables { get; init; } = [];

    private string ProjectId { get; } = Guid.NewGuid().ToString();

    private string SpaceId { get; } = Guid.NewGuid().ToString();

    /// <summary>The body of the SWML fetch (<c>POST /</c>).</summary>
    public JsonObject SwmlFetchBody()
    {
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["call"] = new JsonObject
            {
                ["call_id"] = CallId,
                ["node_id"] = "swaig-test",
                ["segment_id"] = Guid.NewGuid().ToString(),
                ["call_session_id"] = Guid.NewGuid().ToString(),
                ["tag"] = Guid.NewGuid().ToString(),
                ["state"] = State,
                ["direction"] = Direction,
                ["type"] = CallType,
                ["from"] = FromNumber,
                ["to"] = CallType == "sip" ? $"sip:{ToExtension}@swaig-test.sip.signalwire.com" : ToExtension,
                ["headers"] = new JsonObject(),
                ["project_id"] = ProjectId,
                ["space_id"] = SpaceId,
                ["timeout"] = 30,
                ["max_duration"] = 14400,
                ["answer_on_bridge"] = false,
                ["hangup_after_bridge"] = true,
                ["created_at"] = now,
                ["updated_at"] = now,
            },
            ["vars"] = new JsonObject { ["userVariables"] = UserVariables.DeepClone() },
            ["envs"] = new JsonObject(),
        };
    }

    /// <summary>The body of a tool call (<c>POST /swaig</c>) for <paramref name="function"/> with <paramref name="arguments"/>.</summary>
    public JsonObject ToolCallBody(string function, JsonObject arguments, ToolDefinition? tool) => new()
    {
        ["app_name"] = "swml app",
        ["function"] = function,
        ["description"] = tool?.Description,
        ["purpose"] = tool?.Description,
        ["argument"] = new JsonObject
        {
            ["parsed"] = new JsonArray(arguments.DeepClone()),
            ["raw"] = arguments.ToJsonString(),
            ["substituted"] = string.Empty,
        },
        ["argument_desc"] = tool?.WireParameters.DeepClone(),
        ["call_id"] = CallId,
        ["ai_session_id"] = Guid.NewGuid().ToString(),
        ["caller_id_name"] = "swaig-test",
        ["caller_id_num"] = FromNumber,
        ["channel_active"] = true,
        ["channel_offhook"] = true,
        ["channel_ready"] = true,
        ["content_type"] = "text/swaig",
        ["content_disposition"] = "SWAIG Function",
        ["version"] = "2.0",
        ["global_data"] = new JsonObject(),
        ["meta_data"] = new JsonObject(),
        ["project_id"] = ProjectId,
        ["space_id"] = SpaceId,
    };
}
