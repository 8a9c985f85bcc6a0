using System.Text.Encodings.Web;
using System.Text.Json;

namespace SignalWire.Agents.Json;

/// <summary>JSON settings shared by everything the SDK writes to the wire.</summary>
public static class SwmlJson
{
    /// <summary>
    /// Compact output that leaves characters such as <c>+</c> unescaped (responses are
    /// <c>application/json</c>, never embedded in HTML).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Serializer options with the same encoding as <see cref="WriterOptions"/>.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Compact wire JSON of <paramref name="node"/>.</summary>
    public static string ToJson(System.Text.Json.Nodes.JsonNode? node) =>
        node is null ? "null" : node.ToJsonString(SerializerOptions);

    /// <summary>Compact wire JSON of <paramref name="node"/> as UTF-8.</summary>
    public static byte[] ToUtf8(System.Text.Json.Nodes.JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
