using System.Text.Json.Serialization;

namespace SecureAgentExample;

/// <summary>
/// Source-generated serialization metadata for the typed tool's arguments: no reflection at start-up or per
/// call, and the same wire names and rules as the SDK's defaults (snake_case, strict numbers, nullability).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TransferArgs))]
internal sealed partial class ExampleJson : JsonSerializerContext;
