using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.PhoneNumbers;

/// <summary>A number your project owns. Fields the API adds later are in <see cref="Extra"/>.</summary>
public sealed record PhoneNumber
{
    /// <summary>The number's resource id.</summary>
    public string? Id { get; init; }

    /// <summary>The number (E.164).</summary>
    public string? Number { get; init; }

    /// <summary>Your name for it.</summary>
    public string? Name { get; init; }

    /// <summary><c>voice</c>, <c>sms</c>, <c>mms</c>, <c>fax</c>.</summary>
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary><c>toll-free</c> or <c>longcode</c>.</summary>
    public string? NumberType { get; init; }

    /// <summary>What answers calls (<c>relay_script</c> for a SWML webhook, <c>ai_agent</c>, ...).</summary>
    public string? CallHandler { get; init; }

    /// <summary>The SWML webhook, when <see cref="CallHandler"/> is <c>relay_script</c>.</summary>
    public string? CallRelayScriptUrl { get; init; }

    /// <summary>What answers messages.</summary>
    public string? MessageHandler { get; init; }

    /// <summary>When it was bought.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it is billed next.</summary>
    public DateTimeOffset? NextBilledAt { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
