using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Validation;

/// <summary>Reading a schema's keywords and describing values: the helpers behind compilation and the messages.</summary>
public sealed partial class ArgumentSchema
{
    private static void Add(ref List<string>? errors, string message)
    {
        errors ??= [];
        if (errors.Count < MaxErrors)
        {
            errors.Add(message);
        }
    }

    private static string Join(string? path, string key) => path is null ? key : path + "." + key;

    private static bool Contains(JsonNode?[] values, JsonNode? value)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (JsonNode.DeepEquals(values[i], value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>User-perceived characters (grapheme clusters), counted without allocating.</summary>
    private static int TextElements(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }

    private static JsonValueKinds KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKinds.Null,
        JsonObject => JsonValueKinds.Object,
        JsonArray => JsonValueKinds.Array,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonValueKinds.String,
            JsonValueKind.True or JsonValueKind.False => JsonValueKinds.Boolean,
            JsonValueKind.Number => IsInteger(value) ? JsonValueKinds.Integer : JsonValueKinds.Number,
            JsonValueKind.Null => JsonValueKinds.Null,
            _ => JsonValueKinds.None,
        },
        _ => JsonValueKinds.None,
    };

    private static bool IsInteger(JsonValue value)
    {
        var number = ToDouble(value);
        return double.IsFinite(number) && Math.Floor(number) == number;
    }

    private static JsonValueKinds ReadTypes(JsonObject schema, string location)
    {
        var types = schema["type"] switch
        {
            null => JsonValueKinds.None,
            JsonValue single => Parse(single.GetValue<string>(), location),
            JsonArray many => many.Aggregate(JsonValueKinds.None, (acc, t) => acc | Parse(t!.GetValue<string>(), location)),
            _ => throw new ArgumentException($"'type' at {location} must be a string or an array.", nameof(schema)),
        };
        if (types != JsonValueKinds.None && schema["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
        {
            types |= JsonValueKinds.Null;
        }

        return types;
    }

    private static JsonValueKinds Parse(string type, string location) => type switch
    {
        "string" => JsonValueKinds.String,
        "integer" => JsonValueKinds.Integer,
        "number" => JsonValueKinds.Number,
        "boolean" => JsonValueKinds.Boolean,
        "object" => JsonValueKinds.Object,
        "array" => JsonValueKinds.Array,
        "null" => JsonValueKinds.Null,
        _ => throw new ArgumentException($"Unknown type '{type}' at {location}."),
    };

    private static string Describe(JsonValueKinds types)
    {
        var names = new List<string>();
        if (types.HasFlag(JsonValueKinds.String))
        {
            names.Add("a string");
        }

        if (types.HasFlag(JsonValueKinds.Number))
        {
            names.Add("a number");
        }
        else if (types.HasFlag(JsonValueKinds.Integer))
        {
            names.Add("a whole number");
        }

        if (types.HasFlag(JsonValueKinds.Boolean))
        {
            names.Add("true or false");
        }

        if (types.HasFlag(JsonValueKinds.Object))
        {
            names.Add("an object");
        }

        if (types.HasFlag(JsonValueKinds.Array))
        {
            names.Add("a list");
        }

        if (types.HasFlag(JsonValueKinds.Null))
        {
            names.Add("null");
        }

        return string.Join(" or ", names);
    }

    private static double? Number(JsonObject schema, string key, string location) => schema[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => ToDouble(v),
        _ => throw new ArgumentException($"'{key}' at {location} must be a number."),
    };

    private static int? Count(JsonObject schema, string key, string location) => schema[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && ToDouble(v) is var n && n >= 0 && n <= int.MaxValue && Math.Floor(n) == n => (int)n,
        _ => throw new ArgumentException($"'{key}' at {location} must be a non-negative whole number."),
    };

    private static ArgumentSchema[]? Many(JsonObject schema, string key, string location) => schema[key] switch
    {
        null => null,
        JsonArray array => [.. array.Select((s, i) => Compile(s, $"{location}.{key}[{i}]"))],
        _ => throw new ArgumentException($"'{key}' at {location} must be an array of schemas."),
    };

    /// <summary>
    /// Reads a number whether the node was parsed or built in code. A parsed number reads straight from its
    /// text (asking for a JsonElement would parse a document per call); anything else, or a number beyond
    /// double's range (read as infinity), goes through its JSON text.
    /// </summary>
    private static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var number)
            ? number
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
