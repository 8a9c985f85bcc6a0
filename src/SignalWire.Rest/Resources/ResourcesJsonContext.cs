using System.Text.Json.Serialization;

namespace SignalWire.Rest.Resources;

/// <summary>Source-generated JSON for collection items (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResourceItem))]
internal sealed partial class ResourcesJsonContext : JsonSerializerContext;
