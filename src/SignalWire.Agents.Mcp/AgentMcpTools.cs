using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Mcp;

/// <summary>
/// tools/list and tools/call for one agent. Offered: the agent's tools that need neither a per-call token (secure
/// tools) nor a verified caller, since an MCP session is not a call. Each call runs through the agent's pipeline as
/// a SWAIG request of the pseudo-call <c>mcp-&lt;session id&gt;</c>.
/// </summary>
internal static class AgentMcpTools
{
    public static bool Offered(AgentBase agent, ToolDefinition tool) =>
        !tool.Secure && tool.ExternalUrl is null && !agent.RequiresVerifiedCaller(tool) && tool.Name != AgentBase.CallEndFunction;

    public static ValueTask<ListToolsResult> List(AgentPipeline pipeline)
    {
        var agent = pipeline.Agent;
        var tools = agent.Tools.All.Where(t => Offered(agent, t)).Select(t => new Tool
        {
            Name = t.Name,
            Description = t.Description,
            InputSchema = SchemaOf(t),
        }).ToList();
        return ValueTask.FromResult(new ListToolsResult { Tools = tools });
    }

    private static JsonElement SchemaOf(ToolDefinition tool)
    {
        // The element outlives the pooled document it is parsed into, so it is cloned and the document released.
        using var schema = JsonDocument.Parse(tool.WireParameters.ToJsonString());
        return schema.RootElement.Clone();
    }

    /// <summary>
    /// The pseudo-call of every MCP request from <paramref name="client"/> (after trusted forwarded headers): all pass
    /// the agent's one credential, so the address is what tells clients apart; without one, every such client shares a call.
    /// </summary>
    public static string PseudoCallId(IPAddress? client) =>
        "mcp-client-" + (client is null ? "unknown" : (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString());

    public static async ValueTask<CallToolResult> CallAsync(AgentPipeline pipeline, IPAddress? client, CallToolRequestParams? request, CancellationToken cancellationToken)
    {
        var agent = pipeline.Agent;
        var name = request?.Name ?? string.Empty;
        if (!agent.Tools.TryGet(name, out var tool) || !Offered(agent, tool))
        {
            return Error($"There is no tool '{name}' here.");
        }

        var arguments = new JsonObject();
        foreach (var (key, value) in request?.Arguments ?? new Dictionary<string, JsonElement>())
        {
            arguments[key] = JsonNode.Parse(value.GetRawText());
        }

        var body = new JsonObject
        {
            ["function"] = name,
            ["argument"] = new JsonObject { ["parsed"] = new JsonArray(arguments), ["raw"] = arguments.ToJsonString() },
            // The pseudo-call is the authenticated client, not its session: a new session must not reset the per-tool
            // limits and per-call caps that key on the call.
            ["call_id"] = PseudoCallId(client),
            ["app_name"] = "mcp",
        };
        var outcome = await pipeline.InvokeToolAsync(new ToolInvocation(Requests.SwaigRequest.FromJson(body), null, client), cancellationToken).ConfigureAwait(false);
        var text = outcome.Result?.Response ?? outcome.Error ?? string.Empty;
        // A request to confirm is an answer to relay, not a failure; anything else that stopped the handler is an error.
        return outcome.Kind is ToolOutcomeKind.Success or ToolOutcomeKind.ConfirmationRequired
            ? new CallToolResult { Content = [new TextContentBlock { Text = text }] }
            : Error(text);
    }

    private static CallToolResult Error(string text) => new() { Content = [new TextContentBlock { Text = text }], IsError = true };
}
