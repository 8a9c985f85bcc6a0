using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Hands a sub-task to Anthropic's Claude: tool <c>ask_claude</c> (arguments <c>prompt</c> and an optional
/// <c>system_prompt</c>), answered with Claude's text. The key stays in the agent. Parameters: <c>api_key</c> (or
/// <c>ANTHROPIC_API_KEY</c>), <c>model</c>, <c>max_tokens</c>, <c>system_prompt</c> (the operator's, put before the
/// AI's), <c>max_response_chars</c>. Requests are slow-service requests (<see cref="SkillHttpOptions.SlowTimeout"/>).
/// </summary>
public sealed class AskClaudeSkill : SkillBase
{
    /// <summary>The model used when <c>model</c> is not given.</summary>
    public const string DefaultModel = "claude-sonnet-4-5-20250929";

    private Uri? _endpoint;
    private string? _key;

    /// <inheritdoc />
    public override string Name => "ask_claude";

    /// <inheritdoc />
    public override string Description => "Hand reasoning, analysis or summarising to Anthropic's Claude";

    /// <summary>The Anthropic key (else <c>ANTHROPIC_API_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["api_key"] = SkillSchemas.Secret("Anthropic API key", "ANTHROPIC_API_KEY"),
        ["model"] = new JsonObject { ["type"] = "string", ["description"] = $"The Claude model (default {DefaultModel})", ["pattern"] = "^[A-Za-z0-9._-]{1,100}$" },
        ["max_tokens"] = SkillSchemas.Integer("The longest answer, in tokens (default 1024)", 1, 16384),
        ["system_prompt"] = SkillSchemas.Text("Instructions always sent to Claude, before any the AI adds", 8000),
        ["max_response_chars"] = SkillSchemas.Integer("The most characters of Claude's answer given to the AI (default 6000)", 200, 100000),
        ["base_url"] = SkillSchemas.Url("The Anthropic API's address (default https://api.anthropic.com), for proxies and tests"),
    });

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _key = RequireSecret("api_key", "ANTHROPIC_API_KEY");
        _endpoint = new Uri(GetUrl("base_url", "https://api.anthropic.com").AbsoluteUri.TrimEnd('/') + "/v1/messages");
        context.DefineTool(ToolName, "Ask Claude to reason, analyse, summarise or draft; returns Claude's answer", SkillSchemas.Object(new JsonObject
        {
            ["prompt"] = new JsonObject { ["type"] = "string", ["description"] = "The question or task for Claude", ["minLength"] = 1, ["maxLength"] = 20000 },
            ["system_prompt"] = new JsonObject { ["type"] = "string", ["description"] = "Optional instructions for Claude", ["maxLength"] = 4000 },
        }, "prompt"), AskAsync);
        context.AddPromptSection("Claude", $"Use {ToolName} for tasks that need careful reasoning, analysis or summarising.", [
            "Give Claude everything it needs in the prompt: it does not hear the call.",
            "Tell the caller the answer in your own words.",
        ]);
    }

    private async ValueTask<FunctionResult> AskAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var system = string.Join("\n\n", new[] { GetString("system_prompt"), args.GetString("system_prompt")?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
        var body = new JsonObject
        {
            ["model"] = GetString("model") ?? DefaultModel,
            ["max_tokens"] = GetInt("max_tokens", 1024),
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = args.GetString("prompt")!.Trim() }),
        };
        if (system.Length > 0)
        {
            body["system"] = system;
        }

        try
        {
            var response = await HttpFor(call).SendJsonAsync(HttpMethod.Post, _endpoint!, body, [new("x-api-key", _key!), new("anthropic-version", "2023-06-01")], SkillHttpTarget.SlowService, cancellationToken).ConfigureAwait(false);
            var text = string.Join("\n\n", (response["content"] as JsonArray ?? []).OfType<JsonObject>().Where(b => b.GetString("type") == "text").Select(b => b.GetString("text")).OfType<string>().Where(t => t.Length > 0));
            return new FunctionResult(text.Length == 0
                ? "Claude gave no answer. Try asking in another way."
                : SkillText.Shorten(text, GetInt("max_response_chars", 6000)));
        }
        catch (SkillHttpException ex)
        {
            return new FunctionResult(ex.Failure == SkillHttpFailure.Timeout
                ? "Claude took too long to answer. Offer to try again or answer yourself."
                : "Claude is not available right now. Answer as best you can yourself.");
        }
    }
}
