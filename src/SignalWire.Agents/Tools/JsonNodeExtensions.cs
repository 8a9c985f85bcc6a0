using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>Lenient readers for the open JSON objects the platform posts.</summary>
internal static class JsonNodeExtensions
{
    /// <summary>The string value of <paramref name="key"/>, or <see langword="null"/> when absent or not a string.</summary>
    public static string? GetString(this JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
