using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Cli.Output;

/// <summary>Writes JSON for people (indented) or for pipes (one line), without escaping printable characters.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, JsonNode? node, bool indented) =>
        output.WriteLine(node?.ToJsonString(indented ? Indented : Compact) ?? "null");
}
