using System.Text.Json.Serialization;

namespace SignalWire.Rest.PhoneNumbers;

/// <summary>Source-generated JSON for the PhoneNumbers models (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PhoneNumber))]
[JsonSerializable(typeof(AvailablePhoneNumber))]
internal sealed partial class PhoneNumbersJsonContext : JsonSerializerContext;
