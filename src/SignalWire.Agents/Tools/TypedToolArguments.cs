using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SignalWire.Agents.Tools;

/// <summary>
/// Typed tool arguments: the JSON Schema generated from <c>TArgs</c> and the binding of the AI's
/// arguments onto it. Property names are snake_case on the wire (<c>ToAccount</c> is <c>to_account</c>),
/// <see cref="DescriptionAttribute"/> becomes the schema description, and nullable annotations and
/// required constructor parameters are honoured.
/// </summary>
public static class TypedToolArguments
{
    /// <summary>The serializer options typed tools use unless given their own <see cref="JsonTypeInfo{T}"/>.</summary>
    public static JsonSerializerOptions DefaultOptions
    {
        [RequiresUnreferencedCode("Reflection-based serialization; pass a source-generated JsonTypeInfo for trimmed or AOT apps.")]
        [RequiresDynamicCode("Reflection-based serialization; pass a source-generated JsonTypeInfo for trimmed or AOT apps.")]
        get => LazyOptions.Value;
    }

    [RequiresUnreferencedCode("Reflection-based serialization.")]
    [RequiresDynamicCode("Reflection-based serialization.")]
    private static class LazyOptions
    {
        public static readonly JsonSerializerOptions Value = CreateOptions();

        private static JsonSerializerOptions CreateOptions()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                RespectNullableAnnotations = true,
                RespectRequiredConstructorParameters = true,
                NumberHandling = JsonNumberHandling.Strict,
                TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            };
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            options.MakeReadOnly();
            return options;
        }
    }

    /// <summary>The argument schema for <typeparamref name="TArgs"/> (an object schema).</summary>
    public static JsonObject SchemaFor<TArgs>(JsonTypeInfo<TArgs> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = AddDescriptions,
        };
        var node = typeInfo.GetJsonSchemaAsNode(exporterOptions);
        if (node is not JsonObject schema || schema["type"]?.ToString() != "object")
        {
            throw new ArgumentException($"Typed tool arguments must be an object type; {typeof(TArgs).Name} is not.", nameof(typeInfo));
        }

        schema.Remove("$schema");
        return schema;
    }

    internal static FunctionResult InvalidArguments(string toolName, string problem) =>
        new($"The arguments for {toolName} are invalid: {problem}. Ask the caller for the correct value and try again.");

    /// <summary>JSON names of the properties marked <see cref="SensitiveAttribute"/>.</summary>
    internal static IEnumerable<string> SensitiveProperties(JsonTypeInfo typeInfo) =>
        typeInfo.Properties.Where(p => Attributes<SensitiveAttribute>(p).Any()).Select(p => p.Name);

    /// <summary>Adds descriptions and the DataAnnotations constraints (<c>[Range]</c>, <c>[StringLength]</c>, ...) to the schema.</summary>
    private static JsonNode AddDescriptions(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo is not { } property || schema is not JsonObject obj)
        {
            return schema;
        }

        if (Attributes<DescriptionAttribute>(property).FirstOrDefault() is { } description)
        {
            obj.Insert(0, "description", description.Description);
        }

        var isArray = obj["type"]?.ToJsonString().Contains("array", StringComparison.Ordinal) == true;
        foreach (var range in Attributes<RangeAttribute>(property))
        {
            if (range.Minimum is IConvertible min && Convert.ToDouble(min, CultureInfo.InvariantCulture) is var lo && !double.IsInfinity(lo) && lo > double.MinValue)
            {
                obj[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = lo;
            }

            if (range.Maximum is IConvertible max && Convert.ToDouble(max, CultureInfo.InvariantCulture) is var hi && !double.IsInfinity(hi) && hi < double.MaxValue)
            {
                obj[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = hi;
            }
        }

        foreach (var length in Attributes<StringLengthAttribute>(property))
        {
            obj["maxLength"] = length.MaximumLength;
            if (length.MinimumLength > 0)
            {
                obj["minLength"] = length.MinimumLength;
            }
        }

        foreach (var min in Attributes<MinLengthAttribute>(property))
        {
            obj[isArray ? "minItems" : "minLength"] = min.Length;
        }

        foreach (var max in Attributes<MaxLengthAttribute>(property))
        {
            obj[isArray ? "maxItems" : "maxLength"] = max.Length;
        }

        foreach (var regex in Attributes<RegularExpressionAttribute>(property))
        {
            obj["pattern"] = regex.Pattern;
        }

        if (Attributes<EmailAddressAttribute>(property).Any())
        {
            obj["format"] = "email";
        }

        return schema;
    }

    private static IEnumerable<T> Attributes<T>(JsonPropertyInfo property)
        where T : Attribute
    {
        var onProperty = property.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>() ?? [];
        var onParameter = property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>() ?? [];
        return onProperty.Concat(onParameter);
    }
}
