using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.Messaging;

/// <summary>A text or media message. Fields the API adds later are in <see cref="Extra"/>.</summary>
public sealed record MessageInfo
{
    /// <summary>The message id.</summary>
    public string? Id { get; init; }

    /// <summary>The sender.</summary>
    public string? From { get; init; }

    /// <summary>The recipient.</summary>
    public string? To { get; init; }

    /// <summary>The text.</summary>
    public string? Body { get; init; }

    /// <summary>Media URLs (MMS).</summary>
    public IReadOnlyList<string>? Media { get; init; }

    /// <summary><c>queued</c>, <c>sent</c>, <c>delivered</c>, <c>undelivered</c>, <c>failed</c>, <c>received</c>, ...</summary>
    public string? Status { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary><c>sms</c> or <c>mms</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>How many segments the text took.</summary>
    public int? NumberOfSegments { get; init; }

    /// <summary>The carrier's error code, when it failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The carrier's error message, when it failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
