using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.PhoneNumbers;

/// <summary>A number that can be bought.</summary>
public sealed record AvailablePhoneNumber
{
    /// <summary>The number (E.164).</summary>
    public string? Number { get; init; }

    /// <summary>Its region (state or province).</summary>
    public string? Region { get; init; }

    /// <summary>Its city.</summary>
    public string? City { get; init; }

    /// <summary>Its rate centre.</summary>
    public string? RateCenter { get; init; }

    /// <summary>What it can do (<c>voice</c>, <c>sms</c>, <c>mms</c>, <c>fax</c>: true or false).</summary>
    public IReadOnlyDictionary<string, bool>? Capabilities { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
