using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Testing;

/// <summary>JSON helpers for assertions.</summary>
public static class JsonTestExtensions
{
    /// <summary>The node as compact wire JSON (same encoding as the SDK writes).</summary>
    public static string ToWireJson(this JsonNode node) => SwmlJson.ToJson(node);
}
