using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Json;

/// <summary>Lenient readers for the open JSON objects the platform posts: a missing or mistyped value reads as <see langword="null"/>, never an exception.</summary>
public static class JsonNodeExtensions
{
    /// <summary>The string value of <paramref name="key"/>, or <see langword="null"/> when absent or not a string.</summary>
    public static string? GetString(this JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The integer value of <paramref name="key"/>, or <see langword="null"/> when absent, not a number or out of range.</summary>
    public static int? GetInt32(this JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    /// <summary>The boolean value of <paramref name="key"/>, or <see langword="null"/> when absent or not a boolean.</summary>
    public static bool? GetBoolean(this JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>The timestamp in <paramref name="key"/> (ISO 8601 text), or <see langword="null"/>.</summary>
    public static DateTimeOffset? GetTimestamp(this JsonObject obj, string key) =>
        obj.GetString(key) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
