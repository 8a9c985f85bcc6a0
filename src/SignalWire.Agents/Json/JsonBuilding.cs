using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Json;

/// <summary>
/// The small helpers every builder of wire JSON needs: set a key only when it has a value, write a list
/// of strings. One set for FunctionResult actions, SWML verbs, contexts and the AI settings.
/// </summary>
internal static class JsonBuilding
{
    /// <summary>Sets <paramref name="key"/> when <paramref name="value"/> is not null.</summary>
    public static void AddIf(JsonObject json, string key, JsonNode? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    /// <inheritdoc cref="AddIf(JsonObject, string, JsonNode?)"/>
    public static void AddIf(JsonObject json, string key, string? value) => AddIf(json, key, value is null ? null : JsonValue.Create(value));

    /// <inheritdoc cref="AddIf(JsonObject, string, JsonNode?)"/>
    public static void AddIf(JsonObject json, string key, bool? value) => AddIf(json, key, value is { } v ? JsonValue.Create(v) : null);

    /// <inheritdoc cref="AddIf(JsonObject, string, JsonNode?)"/>
    public static void AddIf(JsonObject json, string key, int? value) => AddIf(json, key, value is { } v ? JsonValue.Create(v) : null);

    /// <inheritdoc cref="AddIf(JsonObject, string, JsonNode?)"/>
    public static void AddIf(JsonObject json, string key, double? value) => AddIf(json, key, value is { } v ? JsonValue.Create(v) : null);

    /// <summary>Sets <paramref name="key"/> to <c>true</c> when <paramref name="value"/> is; a false flag is left out.</summary>
    public static void AddFlag(JsonObject json, string key, bool value)
    {
        if (value)
        {
            json[key] = true;
        }
    }

    /// <summary>Sets <paramref name="key"/> to the list when it is not null (an empty list is written as <c>[]</c>).</summary>
    public static void AddList(JsonObject json, string key, IEnumerable<string>? values) => AddIf(json, key, values is null ? null : Strings(values));

    /// <summary>Sets <paramref name="key"/> to the list when it has at least one item.</summary>
    public static void AddNonEmptyList(JsonObject json, string key, IReadOnlyCollection<string>? values) =>
        AddList(json, key, values is { Count: > 0 } ? values : null);

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>Writes <paramref name="name"/> when <paramref name="value"/> is not null.</summary>
    public static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes <paramref name="name"/> as an array of strings when <paramref name="values"/> is not null.</summary>
    public static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
