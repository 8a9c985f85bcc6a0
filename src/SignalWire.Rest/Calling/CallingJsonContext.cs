using System.Text.Json.Serialization;

namespace SignalWire.Rest.Calling;

/// <summary>Source-generated JSON for the Calling models (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CallInfo))]
internal sealed partial class CallingJsonContext : JsonSerializerContext;
