using System.Text.Json.Serialization;

namespace SignalWire.Rest;

/// <summary>Source-generated JSON for the generic requests (open JSON objects).</summary>
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
