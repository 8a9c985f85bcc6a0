using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Offers the tools of MCP servers behind an MCP gateway (an HTTP service: <c>GET /services</c>,
/// <c>GET /services/{name}/tools</c>, <c>POST /services/{name}/call</c>, <c>DELETE /sessions/{id}</c>). Tools are
/// discovered when the skill is added (so add it with <c>AddSkillAsync</c>) and named
/// <c>&lt;tool_prefix&gt;&lt;service&gt;_&lt;tool&gt;</c>; each runs through the agent's pipeline, then on the gateway
/// in a session keyed by the call id (never by anything the call can set), which is closed when the call ends.
/// Tool calls are slow-service requests (one attempt within <see cref="SkillHttpOptions.SlowTimeout"/>): a tool
/// may not be safe to run twice.
/// Parameters: <c>gateway_url</c>, <c>auth_token</c> (bearer) or <c>auth_user</c> and <c>auth_password</c>,
/// <c>services</c> (names, each with an optional list of its <c>tools</c>), <c>tool_prefix</c> (default <c>mcp_</c>),
/// <c>session_timeout</c> (seconds, default 300).
/// </summary>
public sealed class McpGatewaySkill : SkillBase
{
    private readonly List<(string Service, JsonObject Tool)> _tools = [];
    private Uri? _gateway;
    private string? _authorization;
    private volatile bool _removed;

    /// <inheritdoc />
    public override string Name => "mcp_gateway";

    /// <inheritdoc />
    public override string Description => "Offer the tools of MCP servers through an MCP gateway";

    /// <inheritdoc />
    protected internal override bool NeedsPreparation => true;

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["gateway_url"] = SkillSchemas.Url("The MCP gateway's address"),
        ["auth_token"] = SkillSchemas.Secret("Bearer token for the gateway", "MCP_GATEWAY_AUTH_TOKEN"),
        ["auth_user"] = SkillSchemas.Text("Basic user name for the gateway (when no token)", 200),
        ["auth_password"] = SkillSchemas.Text("Basic password for the gateway", 512),
        ["services"] = new JsonObject
        {
            ["type"] = "array",
            ["description"] = "The services to offer (default all the gateway lists), each with an optional list of its tools",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9_.-]{1,64}$" },
                    ["tools"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
                ["required"] = new JsonArray("name"),
                ["additionalProperties"] = false,
            },
        },
        ["tool_prefix"] = new JsonObject { ["type"] = "string", ["description"] = "Put before every tool's name (default mcp_)", ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]{0,20}$" },
        ["session_timeout"] = SkillSchemas.Integer("Seconds the gateway keeps a call's session (default 300)", 10, 3600),
    }, "gateway_url");

    /// <inheritdoc />
    protected internal override async Task PrepareAsync(SkillHttp http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        _gateway = new Uri(GetUrl("gateway_url", string.Empty).AbsoluteUri.TrimEnd('/') + "/");
        var token = GetString("auth_token") ?? Environment.GetEnvironmentVariable("MCP_GATEWAY_AUTH_TOKEN");
        _authorization = token is { Length: > 0 } ? "Bearer " + token
            : GetString("auth_user") is { } user ? SkillText.Basic(user, GetString("auth_password") ?? string.Empty)
            : throw new AgentConfigurationException($"Skill '{Name}': auth_token (or MCP_GATEWAY_AUTH_TOKEN), or auth_user and auth_password, are required.");

        var wanted = (GetNode("services") as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => (Name: s.GetString("name")!, Tools: (s["tools"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        if (wanted.Count == 0)
        {
            var listed = await http.GetJsonAsync(new Uri(_gateway, "services"), Headers(), cancellationToken).ConfigureAwait(false);
            var names = listed switch
            {
                JsonObject byName => byName.Select(p => p.Key),
                JsonArray list => list.Select(n => n is JsonObject o ? o.GetString("name") : n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null).OfType<string>(),
                _ => [],
            };
            wanted = [.. names.Select(n => (n, (HashSet<string>?)null))];
        }

        foreach (var (service, only) in wanted)
        {
            var tools = await http.GetJsonAsync(new Uri(_gateway, $"services/{Uri.EscapeDataString(service)}/tools"), Headers(), cancellationToken).ConfigureAwait(false);
            foreach (var tool in (tools["tools"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (tool.GetString("name") is { } name && (only is null || only.Contains(name)))
                {
                    _tools.Add((service, (JsonObject)tool.DeepClone()));
                }
            }
        }
    }

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var prefix = GetString("tool_prefix") ?? "mcp_";
        foreach (var (service, tool) in _tools)
        {
            var name = tool.GetString("name")!;
            var swaigName = SkillText.ToolName(prefix + service + "_" + name);
            context.DefineTool(swaigName, $"[{service}] {tool.GetString("description") ?? name}", McpSchema.ToArguments(tool["inputSchema"] as JsonObject),
                (args, call, ct) => CallAsync(service, name, args, call, ct));
        }

        context.Agent.OnCallEnd(CloseSessionAsync);
        context.AddHints([.. _tools.Select(t => t.Service).Distinct(StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    protected internal override void Cleanup() => _removed = true;

    private KeyValuePair<string, string>[] Headers() => [new("Authorization", _authorization!)];

    private async ValueTask<FunctionResult> CallAsync(string service, string tool, JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["tool"] = tool,
            ["arguments"] = args.DeepClone(),
            ["session_id"] = call.CallId,
            ["timeout"] = GetInt("session_timeout", 300),
            ["metadata"] = new JsonObject { ["agent_id"] = call.Agent.Name, ["call_id"] = call.CallId },
        };
        try
        {
            var response = await HttpFor(call).SendJsonAsync(HttpMethod.Post, new Uri(_gateway!, $"services/{Uri.EscapeDataString(service)}/call"), body, Headers(), SkillHttpTarget.SlowService, cancellationToken).ConfigureAwait(false);
            return new FunctionResult(response["result"] switch
            {
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
                null => "The tool finished without a result.",
                var other => other.ToJsonString(),
            });
        }
        catch (SkillHttpException ex)
        {
            return new FunctionResult(ex.Failure == SkillHttpFailure.Timeout
                ? $"The {service} service took too long to run {tool}."
                : $"The {service} service could not run {tool} right now.");
        }
    }

    private async ValueTask CloseSessionAsync(ToolCallContext call, CancellationToken cancellationToken)
    {
        if (_removed || call.CallId is not { Length: > 0 } callId)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(_gateway!, "sessions/" + Uri.EscapeDataString(callId)));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        try
        {
            await HttpFor(call).SendAsync(request, SkillHttpTarget.Service, cancellationToken).ConfigureAwait(false);
        }
        catch (SkillHttpException)
        {
            // The gateway expires the session after session_timeout anyway; SkillHttp has logged the failure.
        }
    }
}
