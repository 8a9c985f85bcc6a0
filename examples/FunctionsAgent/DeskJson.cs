using System.Text.Json.Serialization;

namespace FunctionsAgentExample;

/// <summary>Source-generated metadata for the tools' arguments, with the SDK's wire rules (snake_case, strict numbers).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AvailabilityArgs))]
[JsonSerializable(typeof(BookingArgs))]
internal sealed partial class DeskJson : JsonSerializerContext;
