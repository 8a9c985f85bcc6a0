using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.Account;

/// <summary>What a number lookup found.</summary>
public sealed record NumberLookup
{
    /// <summary>The country calling code (1 for the US).</summary>
    public int? CountryCodeNumber { get; init; }

    /// <summary>The ISO country (<c>US</c>).</summary>
    public string? CountryCode { get; init; }

    /// <summary>The national number.</summary>
    public string? NationalNumber { get; init; }

    /// <summary>Whether the number could exist.</summary>
    public bool? PossibleNumber { get; init; }

    /// <summary>Whether the number is valid.</summary>
    public bool? ValidNumber { get; init; }

    /// <summary>The number formatted nationally.</summary>
    public string? NationalNumberFormatted { get; init; }

    /// <summary>The number formatted internationally.</summary>
    public string? InternationalNumberFormatted { get; init; }

    /// <summary>Where the number is.</summary>
    public string? Location { get; init; }

    /// <summary>Its time zones.</summary>
    public IReadOnlyList<string>? Timezones { get; init; }

    /// <summary>Its type (<c>mobile</c>, <c>fixed line</c>...).</summary>
    public string? NumberType { get; init; }

    /// <summary>The carrier, when asked for (<c>include=carrier</c>).</summary>
    public JsonObject? Carrier { get; init; }

    /// <summary>The caller name, when asked for (<c>include=cnam</c>).</summary>
    public JsonObject? Cnam { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
