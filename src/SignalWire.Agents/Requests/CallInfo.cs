using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>
/// The <c>call</c> object of an SWML fetch: who is calling whom, how, and the platform's ids. Read
/// leniently: a missing or mistyped field is <see langword="null"/>, unknown fields are kept in <see cref="Raw"/>.
/// </summary>
public sealed class CallInfo
{
    private CallInfo(JsonObject call)
    {
        Raw = call;
        CallId = call.GetString("call_id");
        NodeId = call.GetString("node_id");
        SegmentId = call.GetString("segment_id");
        CallSessionId = call.GetString("call_session_id");
        Tag = call.GetString("tag");
        State = call.GetString("state");
        Direction = call.GetString("direction");
        Type = call.GetString("type");
        From = call.GetString("from");
        To = call.GetString("to");
        ProjectId = call.GetString("project_id");
        SpaceId = call.GetString("space_id");
        Timeout = call.GetInt32("timeout");
        MaxDuration = call.GetInt32("max_duration");
        AnswerOnBridge = call.GetBoolean("answer_on_bridge");
        HangupAfterBridge = call.GetBoolean("hangup_after_bridge");
        CreatedAt = call.GetTimestamp("created_at");
        UpdatedAt = call.GetTimestamp("updated_at");
        Headers = call["headers"];
    }

    /// <summary>The call's id (<c>call_id</c>).</summary>
    public string? CallId { get; }

    /// <summary>The platform node handling the call.</summary>
    public string? NodeId { get; }

    /// <summary>The call segment's id.</summary>
    public string? SegmentId { get; }

    /// <summary>The call session's id.</summary>
    public string? CallSessionId { get; }

    /// <summary>The call's tag.</summary>
    public string? Tag { get; }

    /// <summary>The call state, e.g. <c>created</c>.</summary>
    public string? State { get; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; }

    /// <summary><c>phone</c>, <c>sip</c> or <c>webrtc</c>.</summary>
    public string? Type { get; }

    /// <summary>The caller (number or SIP URI).</summary>
    public string? From { get; }

    /// <summary>The called number, SIP URI or resource.</summary>
    public string? To { get; }

    /// <summary>The SignalWire project.</summary>
    public string? ProjectId { get; }

    /// <summary>The SignalWire space.</summary>
    public string? SpaceId { get; }

    /// <summary>Dial timeout in seconds.</summary>
    public int? Timeout { get; }

    /// <summary>Longest the call may last, in seconds.</summary>
    public int? MaxDuration { get; }

    /// <summary>Whether the call is answered only when bridged.</summary>
    public bool? AnswerOnBridge { get; }

    /// <summary>Whether the call ends when a bridge ends.</summary>
    public bool? HangupAfterBridge { get; }

    /// <summary>When the call was created.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>When the call was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>SIP or HTTP headers of the call, as sent (shape varies by call type).</summary>
    public JsonNode? Headers { get; }

    /// <summary>The whole <c>call</c> object.</summary>
    public JsonObject Raw { get; }

    /// <summary>Reads the <c>call</c> object of an SWML fetch body, or <see langword="null"/> when there is none.</summary>
    public static CallInfo? FromFetchBody(JsonObject? body) => body?["call"] is JsonObject call ? new CallInfo(call) : null;
}
