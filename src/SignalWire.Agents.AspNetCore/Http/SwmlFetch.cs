using System.Text.Json;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// The few fields of an SWML fetch body the agent needs — <c>call_id</c> (top level or <c>call.call_id</c>),
/// <c>call.from</c>, <c>call.to</c>, <c>call.direction</c> and <c>caller_id_num</c> — read in one forward pass without building a
/// document. The whole body is still read, so malformed JSON is refused like anywhere else, and so is a
/// body that gives one of these fields twice.
/// </summary>
internal sealed record SwmlFetch(string? CallId, string? From, string? To, string? Direction = null)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = RequestJson.MaxDepth };

    public static (BodyStatus Status, SwmlFetch? Body) Parse(ReadOnlySpan<byte> body)
    {
        if (!JsonText.IsWellFormed(body))
        {
            return (BodyStatus.Malformed, null);
        }

        string? callId = null, nestedCallId = null, from = null, to = null, callerNumber = null, direction = null;
        var reader = new Utf8JsonReader(body, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (BodyStatus.NotAnObject, null);
            }

            var inCall = false;
            var seen = Field.None;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1)
                {
                    inCall = false;
                    continue;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var depth = reader.CurrentDepth;
                var field = depth == 1 ? TopLevelField(ref reader) : depth == 2 && inCall ? CallField(ref reader) : Field.None;
                if (field == Field.None)
                {
                    continue;
                }

                if ((seen & field) != 0)
                {
                    // A field given twice: which value counts would be anyone's guess.
                    return (BodyStatus.Malformed, null);
                }

                seen |= field;
                switch (field)
                {
                    case Field.Call:
                        reader.Read();
                        inCall = reader.TokenType == JsonTokenType.StartObject;
                        break;
                    case Field.CallId:
                        callId = ReadString(ref reader);
                        break;
                    case Field.CallerNumber:
                        callerNumber = ReadString(ref reader);
                        break;
                    case Field.NestedCallId:
                        nestedCallId = ReadString(ref reader);
                        break;
                    case Field.From:
                        from = ReadString(ref reader);
                        break;
                    case Field.Direction:
                        direction = ReadString(ref reader);
                        break;
                    default:
                        to = ReadString(ref reader);
                        break;
                }
            }

            return (BodyStatus.Ok, new SwmlFetch(callId ?? nestedCallId, from ?? callerNumber, to, direction));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that cannot be decoded (an escaped lone surrogate).
            return (BodyStatus.Malformed, null);
        }
    }

    private static Field TopLevelField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("call"u8) ? Field.Call
        : reader.ValueTextEquals("call_id"u8) ? Field.CallId
        : reader.ValueTextEquals("caller_id_num"u8) ? Field.CallerNumber
        : Field.None;

    private static Field CallField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("call_id"u8) ? Field.NestedCallId
        : reader.ValueTextEquals("from"u8) ? Field.From
        : reader.ValueTextEquals("to"u8) ? Field.To
        : reader.ValueTextEquals("direction"u8) ? Field.Direction
        : Field.None;

    /// <summary>The same fields from an already parsed body (used when dynamic configuration needs the whole body).</summary>
    public static SwmlFetch FromBody(System.Text.Json.Nodes.JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var call = body["call"] as System.Text.Json.Nodes.JsonObject;
        return new SwmlFetch(
            body.GetString("call_id") ?? call?.GetString("call_id"),
            call?.GetString("from") ?? body.GetString("caller_id_num"),
            call?.GetString("to"),
            call?.GetString("direction"));
    }

    [Flags]
    private enum Field
    {
        None = 0,
        Call = 1,
        CallId = 2,
        CallerNumber = 4,
        NestedCallId = 8,
        From = 16,
        To = 32,
        Direction = 64,
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
