using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>Normalises tool parameter schemas and projects them onto what SWML accepts.</summary>
internal static class ToolSchema
{
    private static readonly FrozenSet<string> StringKeys = FrozenSet.Create(StringComparer.Ordinal, "description", "nullable", "type", "enum", "default", "pattern", "format");
    private static readonly FrozenSet<string> NumberKeys = FrozenSet.Create(StringComparer.Ordinal, "description", "nullable", "type", "enum", "default");
    private static readonly FrozenSet<string> BooleanKeys = FrozenSet.Create(StringComparer.Ordinal, "description", "nullable", "type", "default");
    private static readonly FrozenSet<string> ArrayKeys = FrozenSet.Create(StringComparer.Ordinal, "description", "nullable", "type", "default", "items");
    private static readonly FrozenSet<string> ObjectKeys = FrozenSet.Create(StringComparer.Ordinal, "description", "nullable", "type", "default", "properties", "required");
    private static readonly FrozenSet<string> Formats = FrozenSet.Create(StringComparer.Ordinal, "date_time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uuid");

    /// <summary>
    /// Turns a user-supplied schema into an object schema: an object with <c>type</c> "object" is taken as
    /// is; any other object is taken as the <c>properties</c> map.
    /// </summary>
    public static JsonObject Normalize(JsonObject? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        }

        var copy = (JsonObject)parameters.DeepClone();
        if (copy["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object")
        {
            copy["properties"] ??= new JsonObject();
            if (copy["properties"] is not JsonObject)
            {
                throw new ArgumentException("The parameter schema's 'properties' must be an object.", nameof(parameters));
            }

            return copy;
        }

        if (copy.ContainsKey("type"))
        {
            throw new ArgumentException("A tool's parameter schema must describe an object (\"type\": \"object\").", nameof(parameters));
        }

        return new JsonObject { ["type"] = "object", ["properties"] = copy };
    }

    /// <summary>The top-level wire schema: <c>type</c>, <c>properties</c> and, when non-empty, <c>required</c>.</summary>
    public static JsonObject ToWire(JsonObject parameters)
    {
        var properties = new JsonObject();
        if (parameters["properties"] is JsonObject source)
        {
            foreach (var (name, schema) in source)
            {
                properties[name] = ProjectProperty(schema);
            }
        }

        var wire = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (parameters["required"] is JsonArray { Count: > 0 } required)
        {
            wire["required"] = required.DeepClone();
        }

        return wire;
    }

    private static JsonObject ProjectProperty(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return new JsonObject { ["type"] = "string" };
        }

        foreach (var combinator in (ReadOnlySpan<string>)["oneOf", "anyOf", "allOf"])
        {
            if (schema[combinator] is JsonArray options)
            {
                var projected = new JsonArray();
                foreach (var option in options)
                {
                    projected.Add((JsonNode)ProjectProperty(option));
                }

                var combined = new JsonObject { [combinator] = projected };
                CopyDescription(schema, combined);
                return combined;
            }
        }

        if (schema.ContainsKey("const") && !schema.ContainsKey("type"))
        {
            var constant = new JsonObject { ["const"] = schema["const"]?.DeepClone() };
            CopyDescription(schema, constant);
            return constant;
        }

        var (type, nullable) = ReadType(schema);
        nullable |= schema["nullable"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var keys = type switch
        {
            "string" => StringKeys,
            "integer" or "number" => NumberKeys,
            "boolean" => BooleanKeys,
            "array" => ArrayKeys,
            "object" => ObjectKeys,
            _ => StringKeys,
        };

        var result = new JsonObject { ["type"] = type ?? "string" };
        if (nullable)
        {
            result["nullable"] = true;
        }

        foreach (var (key, value) in schema)
        {
            if (key is "type" or "nullable" || !keys.Contains(key))
            {
                continue;
            }

            switch (key)
            {
                case "items":
                    result["items"] = ProjectProperty(value);
                    break;
                case "properties" when value is JsonObject nested:
                    var props = new JsonObject();
                    foreach (var (name, child) in nested)
                    {
                        props[name] = ProjectProperty(child);
                    }

                    result["properties"] = props;
                    break;
                case "format":
                    var format = value?.GetValue<string>().Replace('-', '_');
                    if (format is not null && Formats.Contains(format))
                    {
                        result["format"] = format;
                    }

                    break;
                case "enum" when value is JsonArray values:
                    var kept = new JsonArray();
                    foreach (var item in values)
                    {
                        if (item is not null)
                        {
                            kept.Add(item.DeepClone());
                        }
                    }

                    result["enum"] = kept;
                    break;
                case "default" when value is null:
                    // A null default is invalid SWML for every type; omitting it means the same.
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        if (type == "array" && !result.ContainsKey("items"))
        {
            result["items"] = new JsonObject { ["type"] = "string" };
        }

        return result;
    }

    private static (string? Type, bool Nullable) ReadType(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return (value.GetValue<string>(), false);
            case JsonArray array:
                string? type = null;
                var nullable = false;
                foreach (var item in array)
                {
                    var name = item?.GetValue<string>();
                    if (name == "null")
                    {
                        nullable = true;
                    }
                    else
                    {
                        type ??= name;
                    }
                }

                return (type, nullable);
            default:
                // An enum without a type (e.g. a C# enum) takes the type of its values.
                if (schema["enum"] is JsonArray values)
                {
                    foreach (var item in values)
                    {
                        if (item is JsonValue v)
                        {
                            return (v.GetValueKind() switch
                            {
                                JsonValueKind.Number => "number",
                                JsonValueKind.True or JsonValueKind.False => "boolean",
                                _ => "string",
                            }, false);
                        }
                    }
                }

                return (null, false);
        }
    }

    private static void CopyDescription(JsonObject from, JsonObject to)
    {
        if (from["description"] is JsonValue description)
        {
            to["description"] = description.DeepClone();
        }
    }
}
