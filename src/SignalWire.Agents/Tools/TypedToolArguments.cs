using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
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

    internal static ToolInvoker CreateInvoker<TArgs>(string toolName, JsonTypeInfo<TArgs> typeInfo, IReadOnlyList<string> required, ToolHandler<TArgs> handler) =>
        (args, context, cancellationToken) =>
        {
            foreach (var name in required)
            {
                if (args[name] is null)
                {
                    return ValueTask.FromResult(InvalidArguments(toolName, $"'{name}' is required"));
                }
            }

            TArgs? bound;
            try
            {
                bound = args.Deserialize(typeInfo);
            }
            catch (JsonException ex)
            {
                var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
                return ValueTask.FromResult(InvalidArguments(toolName, path is null ? "the arguments do not match the tool's parameters" : $"'{path}' has the wrong type or format"));
            }

            return bound is null
                ? ValueTask.FromResult(InvalidArguments(toolName, "no arguments were given"))
                : handler(bound, context, cancellationToken);
        };

    internal static FunctionResult InvalidArguments(string toolName, string problem) =>
        new($"The arguments for {toolName} are invalid: {problem}. Ask the caller for the correct value and try again.");

    private static JsonNode AddDescriptions(JsonSchemaExporterContext context, JsonNode schema)
    {
        var provider = context.PropertyInfo?.AttributeProvider as ICustomAttributeProvider
            ?? context.PropertyInfo?.AssociatedParameter?.AttributeProvider;
        var description = provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        description ??= context.PropertyInfo?.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is not null && schema is JsonObject obj)
        {
            obj.Insert(0, "description", description);
        }

        return schema;
    }
}
