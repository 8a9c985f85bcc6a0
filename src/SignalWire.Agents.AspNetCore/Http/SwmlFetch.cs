using System.Text.Json;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// The few fields of an SWML fetch body the agent needs — <c>call_id</c> (top level or <c>call.call_id</c>),
/// <c>call.from</c>, <c>call.to</c> and <c>caller_id_num</c> — read in one forward pass without building a
/// document. The whole body is still read, so malformed JSON is refused like anywhere else.
/// </summary>
internal sealed record SwmlFetch(string? CallId, string? From, string? To)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static (BodyStatus Status, SwmlFetch? Body) Parse(ReadOnlySpan<byte> body)
    {
        string? callId = null, nestedCallId = null, from = null, to = null, callerNumber = null;
        var reader = new Utf8JsonReader(body, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (BodyStatus.NotAnObject, null);
            }

            var inCall = false;
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
                if (depth == 1)
                {
                    if (reader.ValueTextEquals("call"u8))
                    {
                        reader.Read();
                        inCall = reader.TokenType == JsonTokenType.StartObject;
                        continue;
                    }

                    if (reader.ValueTextEquals("call_id"u8))
                    {
                        callId = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("caller_id_num"u8))
                    {
                        callerNumber = ReadString(ref reader);
                    }
                }
                else if (depth == 2 && inCall)
                {
                    if (reader.ValueTextEquals("call_id"u8))
                    {
                        nestedCallId = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("from"u8))
                    {
                        from = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("to"u8))
                    {
                        to = ReadString(ref reader);
                    }
                }
            }

            return (BodyStatus.Ok, new SwmlFetch(callId ?? nestedCallId, from ?? callerNumber, to));
        }
        catch (JsonException)
        {
            return (BodyStatus.Malformed, null);
        }
    }

    /// <summary>The same fields from an already parsed body (used when dynamic configuration needs the whole body).</summary>
    public static SwmlFetch FromBody(System.Text.Json.Nodes.JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var call = body["call"] as System.Text.Json.Nodes.JsonObject;
        return new SwmlFetch(
            body.GetString("call_id") ?? call?.GetString("call_id"),
            call?.GetString("from") ?? body.GetString("caller_id_num"),
            call?.GetString("to"));
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
