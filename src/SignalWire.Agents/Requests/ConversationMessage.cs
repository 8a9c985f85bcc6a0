using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>One entry of the conversation log the platform sends with tool calls when <c>swaig_post_conversation</c> is on.</summary>
/// <param name="Role">Who spoke: <c>system</c>, <c>assistant</c>, <c>user</c>, <c>tool</c>, ...</param>
/// <param name="Content">What was said, when the entry has text.</param>
/// <param name="Raw">The whole entry (timestamps, latencies, tool calls, ...).</param>
public sealed record ConversationMessage(string? Role, string? Content, JsonObject Raw)
{
    internal static IReadOnlyList<ConversationMessage>? FromArray(JsonNode? node) => node is JsonArray array
        ? [.. array.OfType<JsonObject>().Select(e => new ConversationMessage(e.GetString("role"), e.GetString("content"), e))]
        : null;
}
