using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Json;

/// <summary>
/// Properties serialised once (encoded name, UTF-8 JSON value) so they can be written into an open
/// object on every render without enumerating a <see cref="JsonObject"/> (whose enumerator allocates).
/// </summary>
internal sealed class RawJsonProperties
{
    public static readonly RawJsonProperties Empty = new([]);

    private readonly (JsonEncodedText Name, byte[] Value)[] _properties;

    private RawJsonProperties((JsonEncodedText Name, byte[] Value)[] properties) => _properties = properties;

    public int Count => _properties.Length;

    public static RawJsonProperties From(JsonObject source) => source.Count == 0 ? Empty
        : new([.. source.Select(p => (JsonEncodedText.Encode(p.Key, SwmlJson.WriterOptions.Encoder), p.Value is null ? "null"u8.ToArray() : SwmlJson.ToUtf8(p.Value)))]);

    public void WriteTo(Utf8JsonWriter writer)
    {
        foreach (var (name, value) in _properties)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value, skipInputValidation: true);
        }
    }
}
