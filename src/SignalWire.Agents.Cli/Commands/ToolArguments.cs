using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// Turns <c>--arg key=value</c> pairs (and <c>--args-json</c>) into the JSON arguments of a tool call,
/// typing each value by the tool's parameter schema: integers and numbers are parsed, booleans accept
/// true/false/yes/no/1/0, arrays take JSON or a comma-separated list, objects take JSON, the rest are strings.
/// </summary>
internal static class ToolArguments
{
    public static JsonObject Parse(IEnumerable<string> pairs, string? json, JsonObject? parameters)
    {
        var result = json is null ? [] : CliText.ParseObject("--args-json", json);

        var properties = parameters?["properties"] as JsonObject;
        foreach (var pair in pairs)
        {
            var (key, value) = CliText.Pair("--arg", pair);
            var name = key.Replace('-', '_');
            result[name] = Convert(name, value, properties?[name] as JsonObject);
        }

        return result;
    }

    private static JsonNode? Convert(string name, string value, JsonObject? schema)
    {
        var types = Types(schema);
        if (types.Contains("null") && value == "null")
        {
            return null;
        }

        if (types.Contains("integer") && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (types.Contains("number") && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (types.Contains("boolean") && Boolean(value) is { } flag)
        {
            return flag;
        }

        if (types.Contains("array"))
        {
            return value.StartsWith('[') ? CliText.ParseJson($"--arg {name}: '{value}'", value)
                : new JsonArray([.. value.Split(',', StringSplitOptions.TrimEntries).Select(item => Convert(name, item, schema?["items"] as JsonObject))]);
        }

        if (types.Contains("object"))
        {
            return CliText.ParseJson($"--arg {name}: '{value}'", value);
        }

        if (types.Count == 0 || types.Contains("string"))
        {
            return value;
        }

        throw new CliException($"--arg {name}: '{value}' is not a valid {string.Join(" or ", types)}.");
    }

    private static List<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue single when single.TryGetValue<string>(out var type) => [type],
        JsonArray many => [.. many.Select(t => t?.GetValue<string>()).OfType<string>()],
        _ => [],
    };

    private static bool? Boolean(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "1" => true,
        "FALSE" or "NO" or "0" => false,
        _ => null,
    };
}
