using System.Text.Json.Serialization;

namespace SignalWire.Rest.Account;

/// <summary>Source-generated JSON for the account models (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NumberLookup))]
internal sealed partial class AccountJsonContext : JsonSerializerContext;
