using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents;

/// <summary>The end-of-call summary the platform posts to <c>/post_prompt</c>.</summary>
public sealed class PostPromptSummary
{
    internal PostPromptSummary(JsonObject request)
    {
        Request = request;
        CallId = request.GetString("call_id");
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
