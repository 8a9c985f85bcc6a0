using System.Text.Json.Serialization;

namespace SignalWire.Rest.Messaging;

/// <summary>Source-generated JSON for the Messaging models (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageInfo))]
internal sealed partial class MessagingJsonContext : JsonSerializerContext;
