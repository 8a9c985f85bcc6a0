using System.Collections.Frozen;
using System.Globalization;
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
public sealed class ArgumentSchema
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

    private void CheckNumber(double number, string name, ref List<string>? errors)
    {
        if (_minimum is { } min && number < min)
        {
            Add(ref errors, $"{name} must be at least {Format(min)}");
        }

        if (_maximum is { } max && number > max)
        {
            Add(ref errors, $"{name} must be at most {Format(max)}");
        }

        if (_exclusiveMinimum is { } xmin && number <= xmin)
        {
            Add(ref errors, $"{name} must be greater than {Format(xmin)}");
        }

        if (_exclusiveMaximum is { } xmax && number >= xmax)
        {
            Add(ref errors, $"{name} must be less than {Format(xmax)}");
        }

        if (_multipleOf is { } step && step > 0 && Math.Abs(Math.IEEERemainder(number, step)) > 1e-9 * Math.Max(1, Math.Abs(number)))
        {
            Add(ref errors, $"{name} must be a multiple of {Format(step)}");
        }
    }

    private void CheckString(string text, string name, ref List<string>? errors)
    {
        var length = _minLength is null && _maxLength is null ? 0 : TextElements(text);
        if (_minLength is { } min && _maxLength == min && length != min)
        {
            Add(ref errors, $"{name} must be exactly {min} characters long");
        }
        else
        {
            if (_minLength is { } atLeast && length < atLeast)
            {
                Add(ref errors, $"{name} must be at least {atLeast} characters long");
            }

            if (_maxLength is { } atMost && length > atMost)
            {
                Add(ref errors, $"{name} must be at most {atMost} characters long");
            }
        }

        if (_pattern is not null)
        {
            bool matches;
            try
            {
                matches = _pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                Add(ref errors, $"{name} is not in the expected format");
            }
        }

        if (_format is not null && !FormatCheck.IsValid(_format, text))
        {
            Add(ref errors, $"{name} must be a valid {_format}");
        }
    }

    private void CheckObject(JsonObject obj, string? path, ref List<string>? errors)
    {
        foreach (var key in _required)
        {
            if (!obj.ContainsKey(key))
            {
                Add(ref errors, $"{Join(path, key)} is required");
            }
        }

        if (_minProperties is { } min && obj.Count < min)
        {
            Add(ref errors, $"{path ?? "the arguments"} must have at least {min} properties");
        }

        if (_maxProperties is { } max && obj.Count > max)
        {
            Add(ref errors, $"{path ?? "the arguments"} must have at most {max} properties");
        }

        // Indexed access: the JsonObject enumerator is boxed, and this runs for every tool call.
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, child) = obj.GetAt(i);
            if (_properties is not null && _properties.TryGetValue(key, out var schema))
            {
                schema.Check(child, Join(path, key), ref errors);
            }
            else if (_additionalSchema is not null)
            {
                _additionalSchema.Check(child, Join(path, key), ref errors);
            }
            else if (!_additionalAllowed)
            {
                Add(ref errors, $"{Join(path, key)} is not an allowed argument");
            }
        }
    }

    private void CheckArray(JsonArray array, string name, ref List<string>? errors)
    {
        if (_minItems is { } min && array.Count < min)
        {
            Add(ref errors, $"{name} must have at least {min} items");
        }

        if (_maxItems is { } max && array.Count > max)
        {
            Add(ref errors, $"{name} must have at most {max} items");
        }

        if (_uniqueItems)
        {
            for (var i = 1; i < array.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonNode.DeepEquals(array[i], array[j]))
                    {
                        Add(ref errors, $"{name} must not contain duplicates");
                        i = array.Count;
                        break;
                    }
                }
            }
        }

        if (_items is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                _items.Check(array[i], $"{name}[{i}]", ref errors);
            }
        }
    }

    private void CheckCombinators(JsonNode? value, string? path, string name, ref List<string>? errors)
    {
        if (_allOf is not null)
        {
            foreach (var schema in _allOf)
            {
                schema.Check(value, path, ref errors);
            }
        }

        // Loops, not LINQ: a lambda capturing the parameters would allocate its closure on every call.
        if (_anyOf is not null && Matches(_anyOf, value, path) == 0)
        {
            Add(ref errors, $"{name} does not match any of the allowed forms");
        }

        if (_oneOf is not null)
        {
            var matches = Matches(_oneOf, value, path);
            if (matches != 1)
            {
                Add(ref errors, matches == 0 ? $"{name} does not match any of the allowed forms" : $"{name} matches more than one of the allowed forms");
            }
        }
    }

    private static int Matches(ArgumentSchema[] schemas, JsonNode? value, string? path)
    {
        var matches = 0;
        foreach (var schema in schemas)
        {
            if (schema.Validate(value, path))
            {
                matches++;
            }
        }

        return matches;
    }

    private bool Validate(JsonNode? value, string? path)
    {
        List<string>? errors = null;
        Check(value, path, ref errors);
        return errors is null;
    }

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

    /// <summary>Reads a number whether the node was parsed (backed by a JsonElement) or built in code.</summary>
    private static double ToDouble(JsonValue value) =>
        value.TryGetValue<JsonElement>(out var element)
            ? element.GetDouble()
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
