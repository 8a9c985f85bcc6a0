using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>Parameter schemas the built-in skills share.</summary>
internal static class SkillSchemas
{
    public const string ToolNamePattern = "^[A-Za-z_][A-Za-z0-9_]{0,63}$";

    public static JsonObject Text(string description, int maxLength = 2000) => new() { ["type"] = "string", ["description"] = description, ["minLength"] = 1, ["maxLength"] = maxLength };

    public static JsonObject Secret(string description, string environmentVariable) =>
        new() { ["type"] = "string", ["description"] = $"{description} (default: the {environmentVariable} environment variable); never logged", ["minLength"] = 1, ["maxLength"] = 512 };

    public static JsonObject Url(string description) => new() { ["type"] = "string", ["description"] = description, ["format"] = "uri", ["pattern"] = "^https?://" };

    public static JsonObject Integer(string description, int minimum, int maximum) => new() { ["type"] = "integer", ["description"] = description, ["minimum"] = minimum, ["maximum"] = maximum };

    public static JsonObject Number(string description, double minimum, double maximum) => new() { ["type"] = "number", ["description"] = description, ["minimum"] = minimum, ["maximum"] = maximum };

    public static JsonObject Flag(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject ToolName(string description) => new() { ["type"] = "string", ["description"] = description, ["pattern"] = ToolNamePattern };

    public static JsonObject Strings(string description) => new() { ["type"] = "array", ["description"] = description, ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } };

    public static JsonObject StringMap(string description) => new() { ["type"] = "object", ["description"] = description, ["additionalProperties"] = new JsonObject { ["type"] = "string" } };

    /// <summary>A tool's argument schema with a single required string argument.</summary>
    public static JsonObject OneArgument(string name, string description, int maxLength = 500) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { [name] = new JsonObject { ["type"] = "string", ["description"] = description, ["minLength"] = 1, ["maxLength"] = maxLength } },
        ["required"] = new JsonArray(name),
    };

    /// <summary>An object schema over <paramref name="properties"/>.</summary>
    public static JsonObject Object(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return schema;
    }
}
