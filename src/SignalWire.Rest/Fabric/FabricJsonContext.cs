using System.Text.Json.Serialization;

namespace SignalWire.Rest.Fabric;

/// <summary>Source-generated JSON for Fabric models (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FabricToken))]
internal sealed partial class FabricJsonContext : JsonSerializerContext;
