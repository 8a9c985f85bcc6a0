using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Swml;

/// <summary>
/// A SWML document built in code: <c>{"version": "1.0.0", "sections": {"main": [...], ...}}</c>. Sections
/// are created on first use; <see cref="Main"/> always exists. Not thread-safe: build it, then serve it
/// (a <see cref="SwmlService"/> renders a snapshot, or a private clone per request).
/// </summary>
public sealed class SwmlDocument
{
    /// <summary>The SWML version written into every document.</summary>
    public const string Version = "1.0.0";

    private readonly List<SwmlSection> _sections = [];

    /// <summary>Creates a document with an empty <c>main</c> section.</summary>
    public SwmlDocument() => Section("main");

    /// <summary>The <c>main</c> section, where execution starts.</summary>
    public SwmlSection Main => _sections[0];

    /// <summary>Every section, <c>main</c> first.</summary>
    public IReadOnlyList<SwmlSection> Sections => _sections;

    /// <summary>The section named <paramref name="name"/>, created (empty) when it does not exist yet.</summary>
    public SwmlSection Section(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var existing = _sections.Find(s => s.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        var section = new SwmlSection(name);
        _sections.Add(section);
        return section;
    }

    /// <summary>A deep copy, for per-request changes.</summary>
    public SwmlDocument Clone()
    {
        var copy = new SwmlDocument();
        copy._sections.Clear();
        copy._sections.AddRange(_sections.Select(s => s.Clone()));
        return copy;
    }

    /// <summary>Writes the document as JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("version"u8, Version);
        writer.WriteStartObject("sections"u8);
        foreach (var section in _sections)
        {
            writer.WritePropertyName(section.Name);
            section.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The document as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, SwmlJson.WriterOptions))
        {
            WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The document as a JSON object.</summary>
    public JsonObject ToJson() => JsonNode.Parse(ToUtf8Json())!.AsObject();

    /// <summary>The document as compact JSON text.</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());
}
