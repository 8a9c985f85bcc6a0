using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.Calling;

/// <summary>A call as the Calling API describes it (after a dial or any command). Fields the API adds later are in <see cref="Extra"/>.</summary>
public sealed record CallInfo
{
    /// <summary>The call id.</summary>
    public string? Id { get; init; }

    /// <summary>Who the call is from.</summary>
    public string? From { get; init; }

    /// <summary>Who the call is to.</summary>
    public string? To { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary><c>queued</c>, <c>initiated</c>, <c>ringing</c>, <c>answered</c>, <c>ending</c>, <c>ended</c>, ...</summary>
    public string? Status { get; init; }

    /// <summary>The call's type (<c>phone</c>, <c>sip</c>, ...).</summary>
    public string? Type { get; init; }

    /// <summary>The SWML address the call runs, if it was dialled with one.</summary>
    public string? Url { get; init; }

    /// <summary>The parent call, for a leg.</summary>
    public string? ParentId { get; init; }

    /// <summary>Seconds, once known.</summary>
    public int? Duration { get; init; }

    /// <summary>The charge so far.</summary>
    public decimal? Charge { get; init; }

    /// <summary>When the call was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
