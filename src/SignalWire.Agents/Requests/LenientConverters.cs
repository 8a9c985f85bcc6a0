using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SignalWire.Agents.Requests;

/// <summary>A string field that reads as <see langword="null"/> when the platform sends anything but a string.</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>
/// A JSON object or array field that reads as <see langword="null"/> when the platform sends another kind of
/// value. A value of the right kind is read by the built-in node converter, under the same options (so a
/// duplicate key inside it is refused as anywhere else).
/// </summary>
internal abstract class LenientNodeConverter<TNode> : JsonConverter<TNode?>
    where TNode : JsonNode
{
    private readonly JsonTokenType _start;

    protected LenientNodeConverter(JsonTokenType start) => _start = start;

    public override bool HandleNull => true;

    public override TNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != _start)
        {
            reader.Skip();
            return null;
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<TNode>)options.GetTypeInfo(typeof(TNode)));
    }

    public override void Write(Utf8JsonWriter writer, TNode? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer, options);
        }
    }
}

/// <summary>An object field, <see langword="null"/> when it is not an object.</summary>
internal sealed class LenientObjectConverter() : LenientNodeConverter<JsonObject>(JsonTokenType.StartObject);

/// <summary>An array field, <see langword="null"/> when it is not an array.</summary>
internal sealed class LenientArrayConverter() : LenientNodeConverter<JsonArray>(JsonTokenType.StartArray);
