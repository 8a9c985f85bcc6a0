using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>An MCP tool's input schema as a SWAIG argument schema: the keywords the AI and the validator use, nothing else.</summary>
internal static class McpSchema
{
    private static readonly string[] Kept = ["type", "description", "enum", "items", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "properties", "required", "minItems", "maxItems"];

    public static JsonObject ToArguments(JsonObject? inputSchema)
    {
        var properties = new JsonObject();
        var required = (inputSchema?["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, definition) in inputSchema?["properties"] as JsonObject ?? [])
        {
            properties[name] = Clean(definition as JsonObject, keepDefault: !required.Contains(name));
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var present = required.Where(properties.ContainsKey).ToList();
        if (present.Count > 0)
        {
            schema["required"] = new JsonArray([.. present.Select(r => (JsonNode)r)]);
        }

        return schema;
    }

    private static JsonObject Clean(JsonObject? definition, bool keepDefault)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in definition ?? [])
        {
            if (key == "properties" && value is JsonObject nested)
            {
                clean[key] = new JsonObject([.. nested.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Clean(p.Value as JsonObject, keepDefault: true)))]);
            }
            else if (key == "items" && value is JsonObject items)
            {
                clean[key] = Clean(items, keepDefault: true);
            }
            else if (Kept.Contains(key) || (keepDefault && key == "default"))
            {
                clean[key] = value?.DeepClone();
            }
        }

        clean.TryAdd("type", "string");
        return clean;
    }
}
