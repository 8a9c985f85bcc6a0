using System.Text.Json;

namespace SignalWire.Agents.Auditing;

/// <summary>The field names of the audit lines, encoded once (a line's names are then copied, not escaped).</summary>
internal static class AuditNames
{
    public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    public static readonly JsonEncodedText Agent = JsonEncodedText.Encode("agent");
    public static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    public static readonly JsonEncodedText CallId = JsonEncodedText.Encode("call_id");
    public static readonly JsonEncodedText Caller = JsonEncodedText.Encode("caller");
    public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    public static readonly JsonEncodedText DurationMs = JsonEncodedText.Encode("duration_ms");
    public static readonly JsonEncodedText Args = JsonEncodedText.Encode("args");
    public static readonly JsonEncodedText ClientIp = JsonEncodedText.Encode("client_ip");
    public static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
    public static readonly JsonEncodedText Problems = JsonEncodedText.Encode("problems");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText Destination = JsonEncodedText.Encode("destination");
}
