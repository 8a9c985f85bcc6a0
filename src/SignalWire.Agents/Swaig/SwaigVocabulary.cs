using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Swaig;

/// <summary>The platform's SWAIG vocabulary that agents, tools and contexts share (the SWML schema's lists).</summary>
public static class SwaigVocabulary
{
    /// <summary>Native functions the platform provides.</summary>
    public static readonly FrozenSet<string> NativeFunctionNames = FrozenSet.Create(StringComparer.Ordinal, "check_time", "wait_seconds", "wait_for_user", "adjust_response_latency");

    /// <summary>Internal functions that accept filler phrases.</summary>
    public static readonly FrozenSet<string> InternalFillerFunctions = FrozenSet.Create(
        StringComparer.Ordinal, "hangup", "check_time", "wait_for_user", "wait_seconds", "adjust_response_latency", "next_step", "change_context", "get_visual_input", "get_ideal_strategy");

    /// <summary>A filler set for one language: <c>{"en-US": ["One moment", ...]}</c>.</summary>
    internal static JsonObject FillerSet(string languageCode, string[] phrases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(languageCode);
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Length == 0 || phrases.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty phrase.", nameof(phrases));
        }

        return new JsonObject { [languageCode] = new JsonArray([.. phrases.Select(p => (JsonNode)JsonValue.Create(p))]) };
    }
}
