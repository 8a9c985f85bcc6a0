using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>
/// Reads a <see cref="SwaigRequest"/> in one forward pass over the body with <see cref="Utf8JsonReader"/>: the
/// named string fields straight into strings, the object and array fields through the generated node readers
/// (which refuse a key given twice), everything else into <see cref="SwaigRequest.AdditionalFields"/>.
/// The serializer's general object path boxes every field into an argument array for the init-only
/// properties; this reader does not, and a tool call pays for nothing it does not use.
/// </summary>
internal static class SwaigRequestReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = RequestJson.MaxDepth };

    // Bit positions of the named fields, to refuse one given twice (also when one spelling is escaped).
    private enum Field
    {
        Unknown = -1,
        Function,
        CallId,
        CallerIdNumber,
        CallerIdName,
        AiSessionId,
        AppName,
        MetaDataToken,
        ConversationId,
        ProjectId,
        SpaceId,
        ContentType,
        Version,
        Purpose,
        GlobalData,
        MetaData,
        SwmlVars,
        SwmlCall,
        Argument,
        FlatArguments,
        CallLog,
        RawCallLog,
    }

    /// <summary>Reads a body already checked by <see cref="JsonText.IsWellFormed"/>.</summary>
    /// <exception cref="JsonException">Malformed JSON, not an object, too deep, or a property given twice.</exception>
    public static SwaigRequest Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body must be a JSON object.");
        }

        // The fields are gathered on the stack, then moved into the request (no arrays to allocate and drop).
        var stringFields = default(StringFields);
        var nodeFields = default(NodeFields);
        Span<string?> strings = stringFields;
        Span<JsonNode?> nodes = nodeFields;
        JsonObject? additional = null;
        var seen = 0;
        // A known name is at most 15 characters, 90 bytes with every one escaped (\uXXXX).
        Span<byte> scratch = stackalloc byte[96];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader, scratch);
            if (field == Field.Unknown)
            {
                var name = reader.GetString()!;
                reader.Read();
                additional ??= [];
                if (!additional.TryAdd(name, JsonSerializer.Deserialize(ref reader, RequestJsonContext.Default.JsonNode)))
                {
                    throw Twice();
                }

                continue;
            }

            var bit = 1 << (int)field;
            if ((seen & bit) != 0)
            {
                throw Twice();
            }

            seen |= bit;
            reader.Read();
            if (field <= Field.Purpose)
            {
                strings[(int)field] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (field >= Field.CallLog && reader.TokenType == JsonTokenType.StartArray)
            {
                nodes[field - Field.GlobalData] = JsonSerializer.Deserialize(ref reader, RequestJsonContext.Default.JsonArray);
            }
            else if (field < Field.CallLog && reader.TokenType == JsonTokenType.StartObject)
            {
                nodes[field - Field.GlobalData] = JsonSerializer.Deserialize(ref reader, RequestJsonContext.Default.JsonObject);
            }

            // A value of the wrong kind is stepped over, and the field reads as null.
            reader.Skip();
        }

        // Anything after the object (other than white space) is refused here by the reader itself.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("The body must be exactly one JSON object.");
        }

        return new SwaigRequest
        {
            Function = strings[(int)Field.Function],
            CallId = strings[(int)Field.CallId],
            CallerIdNumber = strings[(int)Field.CallerIdNumber],
            CallerIdName = strings[(int)Field.CallerIdName],
            AiSessionId = strings[(int)Field.AiSessionId],
            AppName = strings[(int)Field.AppName],
            MetaDataToken = strings[(int)Field.MetaDataToken],
            ConversationId = strings[(int)Field.ConversationId],
            ProjectId = strings[(int)Field.ProjectId],
            SpaceId = strings[(int)Field.SpaceId],
            ContentType = strings[(int)Field.ContentType],
            Version = strings[(int)Field.Version],
            Purpose = strings[(int)Field.Purpose],
            GlobalData = (JsonObject?)nodes[Field.GlobalData - Field.GlobalData],
            MetaData = (JsonObject?)nodes[Field.MetaData - Field.GlobalData],
            SwmlVars = (JsonObject?)nodes[Field.SwmlVars - Field.GlobalData],
            SwmlCall = (JsonObject?)nodes[Field.SwmlCall - Field.GlobalData],
            Argument = (JsonObject?)nodes[Field.Argument - Field.GlobalData],
            FlatArguments = (JsonObject?)nodes[Field.FlatArguments - Field.GlobalData],
            CallLogJson = (JsonArray?)nodes[Field.CallLog - Field.GlobalData],
            RawCallLogJson = (JsonArray?)nodes[Field.RawCallLog - Field.GlobalData],
            AdditionalFields = additional,
        };
    }

    private static JsonException Twice() => new("The body gives a property twice.");

    [System.Runtime.CompilerServices.InlineArray((int)Field.Purpose + 1)]
    private struct StringFields
    {
        private string? _first;
    }

    [System.Runtime.CompilerServices.InlineArray((int)Field.RawCallLog - (int)Field.GlobalData + 1)]
    private struct NodeFields
    {
        private JsonNode? _first;
    }

    private static Field FieldOf(ref Utf8JsonReader reader, scoped Span<byte> scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return FieldOf(reader.ValueSpan);
        }

        // An escaped name is compared unescaped; one longer than the scratch space cannot unescape to a known name.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= scratch.Length && reader.CopyString(scratch) is var written ? FieldOf(scratch[..written]) : Field.Unknown;
    }

    private static Field FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when name.SequenceEqual("call_id"u8) => Field.CallId,
        7 when name.SequenceEqual("purpose"u8) => Field.Purpose,
        7 when name.SequenceEqual("version"u8) => Field.Version,
        8 when name.SequenceEqual("function"u8) => Field.Function,
        8 when name.SequenceEqual("app_name"u8) => Field.AppName,
        8 when name.SequenceEqual("space_id"u8) => Field.SpaceId,
        8 when name.SequenceEqual("argument"u8) => Field.Argument,
        8 when name.SequenceEqual("SWMLVars"u8) => Field.SwmlVars,
        8 when name.SequenceEqual("SWMLCall"u8) => Field.SwmlCall,
        8 when name.SequenceEqual("call_log"u8) => Field.CallLog,
        9 when name.SequenceEqual("meta_data"u8) => Field.MetaData,
        9 when name.SequenceEqual("arguments"u8) => Field.FlatArguments,
        10 when name.SequenceEqual("project_id"u8) => Field.ProjectId,
        11 when name.SequenceEqual("global_data"u8) => Field.GlobalData,
        12 when name.SequenceEqual("content_type"u8) => Field.ContentType,
        12 when name.SequenceEqual("raw_call_log"u8) => Field.RawCallLog,
        13 when name.SequenceEqual("caller_id_num"u8) => Field.CallerIdNumber,
        13 when name.SequenceEqual("ai_session_id"u8) => Field.AiSessionId,
        14 when name.SequenceEqual("caller_id_name"u8) => Field.CallerIdName,
        15 when name.SequenceEqual("meta_data_token"u8) => Field.MetaDataToken,
        15 when name.SequenceEqual("conversation_id"u8) => Field.ConversationId,
        _ => Field.Unknown,
    };
}
