using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Validation;

/// <summary>
/// A tool's argument schema compiled once into a validator. It enforces the JSON Schema assertions that
/// tool parameters use — <c>type</c> (with <c>nullable</c>), <c>enum</c>, <c>const</c>, <c>minimum</c>,
/// <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>minLength</c>,
/// <c>maxLength</c>, <c>pattern</c>, <c>format</c> (email, uuid, date, date-time, uri), <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c>, <c>minProperties</c>, <c>maxProperties</c>, <c>items</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>, <c>anyOf</c>, <c>oneOf</c>, <c>allOf</c> — and
/// reports violations in words the AI can act on ("amount must be greater than 0"). Assertion keywords it
/// does not implement are refused when the tool is defined, so no rule is silently skipped.
/// </summary>
public sealed partial class ArgumentSchema
{
    private const int MaxErrors = 5;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly FrozenSet<string> Unsupported = FrozenSet.Create(
        StringComparer.Ordinal,
        "$ref", "$dynamicRef", "if", "then", "else", "not", "patternProperties", "dependentRequired",
        "dependentSchemas", "propertyNames", "contains", "minContains", "maxContains", "prefixItems",
        "unevaluatedProperties", "unevaluatedItems", "additionalItems");

    private readonly JsonValueKinds _types;
    private readonly JsonNode?[]? _enum;
    private readonly (bool Present, JsonNode? Value) _const;
    private readonly double? _minimum;
    private readonly double? _maximum;
    private readonly double? _exclusiveMinimum;
    private readonly double? _exclusiveMaximum;
    private readonly double? _multipleOf;
    private readonly int? _minLength;
    private readonly int? _maxLength;
    private readonly Regex? _pattern;
    private readonly string? _format;
    private readonly Dictionary<string, ArgumentSchema>? _properties;
    private readonly string[] _required = [];
    private readonly bool _additionalAllowed = true;
    private readonly ArgumentSchema? _additionalSchema;
    private readonly int? _minProperties;
    private readonly int? _maxProperties;
    private readonly ArgumentSchema? _items;
    private readonly int? _minItems;
    private readonly int? _maxItems;
    private readonly bool _uniqueItems;
    private readonly ArgumentSchema[]? _anyOf;
    private readonly ArgumentSchema[]? _oneOf;
    private readonly ArgumentSchema[]? _allOf;

    private ArgumentSchema(JsonObject schema, string location)
    {
        foreach (var (key, _) in schema)
        {
            if (Unsupported.Contains(key))
            {
                throw new ArgumentException($"The argument schema uses '{key}' at {location}, which tool validation does not support.", nameof(schema));
            }
        }

        _types = ReadTypes(schema, location);
        if (schema["enum"] is JsonArray values)
        {
            _enum = [.. values.Select(v => v?.DeepClone())];
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            _const = (true, constant?.DeepClone());
        }

        _minimum = Number(schema, "minimum", location);
        _maximum = Number(schema, "maximum", location);
        _exclusiveMinimum = Number(schema, "exclusiveMinimum", location);
        _exclusiveMaximum = Number(schema, "exclusiveMaximum", location);
        _multipleOf = Number(schema, "multipleOf", location);
        _minLength = Count(schema, "minLength", location);
        _maxLength = Count(schema, "maxLength", location);
        if (schema["pattern"] is JsonValue pattern)
        {
            try
            {
                _pattern = new Regex(pattern.GetValue<string>(), RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"The pattern at {location} is not a valid regular expression: {ex.Message}", nameof(schema), ex);
            }
        }

        _format = schema["format"] is JsonValue format ? format.GetValue<string>().Replace('_', '-') : null;
        if (schema["properties"] is JsonObject properties)
        {
            _properties = new Dictionary<string, ArgumentSchema>(StringComparer.Ordinal);
            foreach (var (name, child) in properties)
            {
                _properties[name] = Compile(child, $"{location}.{name}");
            }
        }

        if (schema["required"] is JsonArray required)
        {
            _required = [.. required.Select(r => r!.GetValue<string>())];
        }

        switch (schema["additionalProperties"])
        {
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.False:
                _additionalAllowed = false;
                break;
            case JsonObject additional:
                _additionalSchema = Compile(additional, $"{location}.*");
                break;
        }

        _minProperties = Count(schema, "minProperties", location);
        _maxProperties = Count(schema, "maxProperties", location);
        if (schema["items"] is JsonObject items)
        {
            _items = Compile(items, $"{location}[]");
        }

        _minItems = Count(schema, "minItems", location);
        _maxItems = Count(schema, "maxItems", location);
        _uniqueItems = schema["uniqueItems"] is JsonValue unique && unique.GetValueKind() == JsonValueKind.True;
        _anyOf = Many(schema, "anyOf", location);
        _oneOf = Many(schema, "oneOf", location);
        _allOf = Many(schema, "allOf", location);
    }

    [Flags]
    private enum JsonValueKinds
    {
        None = 0,
        String = 1,
        Integer = 2,
        Number = 4,
        Boolean = 8,
        Object = 16,
        Array = 32,
        Null = 64,
    }

    /// <summary>Compiles <paramref name="schema"/> (a tool's parameter schema).</summary>
    /// <exception cref="ArgumentException">The schema uses a keyword validation does not implement, or is malformed.</exception>
    public static ArgumentSchema Compile(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new ArgumentSchema(schema, "arguments");
    }

    /// <summary>Validates <paramref name="arguments"/>; returns the problems (empty when valid).</summary>
    public IReadOnlyList<string> Validate(JsonNode? arguments)
    {
        List<string>? errors = null;
        Check(arguments, path: null, ref errors);
        return errors ?? (IReadOnlyList<string>)Array.Empty<string>();
    }

    private static ArgumentSchema Compile(JsonNode? node, string location) => node switch
    {
        JsonObject obj => new ArgumentSchema(obj, location),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => new ArgumentSchema([], location),
        _ => throw new ArgumentException($"The schema at {location} must be an object.", nameof(node)),
    };

    private void Check(JsonNode? value, string? path, ref List<string>? errors)
    {
        if (errors is { Count: >= MaxErrors })
        {
            return;
        }

        var name = path ?? "the arguments";
        var kind = KindOf(value);
        if (_types != JsonValueKinds.None && (_types & kind) == 0 && !(kind == JsonValueKinds.Integer && (_types & JsonValueKinds.Number) != 0))
        {
            Add(ref errors, $"{name} must be {Describe(_types)}");
            return;
        }

        if (_enum is not null && !Contains(_enum, value))
        {
            Add(ref errors, $"{name} must be one of: {string.Join(", ", _enum.Select(e => e?.ToJsonString() ?? "null"))}");
        }

        if (_const.Present && !JsonNode.DeepEquals(_const.Value, value))
        {
            Add(ref errors, $"{name} must be {_const.Value?.ToJsonString() ?? "null"}");
        }

        switch (value)
        {
            case JsonValue v when kind is JsonValueKinds.Integer or JsonValueKinds.Number:
                CheckNumber(ToDouble(v), name, ref errors);
                break;
            case JsonValue v when kind == JsonValueKinds.String:
                CheckString(v.GetValue<string>(), name, ref errors);
                break;
            case JsonObject obj:
                CheckObject(obj, path, ref errors);
                break;
            case JsonArray array:
                CheckArray(array, name, ref errors);
                break;
        }

        CheckCombinators(value, path, name, ref errors);
    }
}
