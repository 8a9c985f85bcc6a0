using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Callbacks from the platform.</summary>
public partial class AgentBase
{

    /// <summary>Registers a handler for the end-of-call summary (instead of overriding <see cref="OnSummaryAsync"/>).</summary>
    public AgentBase OnSummary(Func<PostPromptSummary, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Mutate(() => _state.SummaryHandler = handler);
    }

    /// <summary>
    /// Called when the platform posts the conversation summary produced by the post-prompt. The default
    /// runs the handler given to <see cref="OnSummary"/>, if any.
    /// </summary>
    protected internal virtual ValueTask OnSummaryAsync(PostPromptSummary summary, CancellationToken cancellationToken)
    {
        Func<PostPromptSummary, CancellationToken, ValueTask>? handler;
        lock (_gate)
        {
            handler = _state.SummaryHandler;
        }

        return handler is null ? ValueTask.CompletedTask : handler(summary, cancellationToken);
    }
}

/// <summary>The end-of-call summary the platform posts to <c>/post_prompt</c>.</summary>
public sealed class PostPromptSummary
{
    internal PostPromptSummary(JsonObject request)
    {
        Request = request;
        CallId = request["call_id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        Summary = Extract(request);
    }

    /// <summary>The call id.</summary>
    public string? CallId { get; }

    /// <summary>
    /// The summary: <c>post_prompt_data.parsed[0]</c> when the AI produced JSON, else the raw text
    /// (parsed as JSON when it is JSON), else a top-level <c>summary</c>; <see langword="null"/> when absent.
    /// </summary>
    public JsonNode? Summary { get; }

    /// <summary>The whole body the platform posted.</summary>
    public JsonObject Request { get; }

    private static JsonNode? Extract(JsonObject request)
    {
        if (request["summary"] is { } legacy)
        {
            return legacy.DeepClone();
        }

        if (request["post_prompt_data"] is not JsonObject data)
        {
            return null;
        }

        if (data["parsed"] is JsonArray { Count: > 0 } parsed && parsed[0] is { } first)
        {
            return first.DeepClone();
        }

        if (data["raw"] is JsonValue raw && raw.GetValueKind() == JsonValueKind.String && raw.GetValue<string>() is { Length: > 0 } text)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return JsonValue.Create(text);
            }
        }

        return null;
    }
}
