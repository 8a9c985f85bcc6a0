using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>
/// A SWAIG function call as the platform posts it to <c>/swaig</c>, read in one forward pass over the body
/// (<see cref="Parse"/>). Every field is read leniently: a missing or mistyped field is
/// <see langword="null"/>, never an error. Fields this type does not name are kept in
/// <see cref="AdditionalFields"/>, and the whole body stays available in <see cref="Body"/>.
/// </summary>
public sealed class SwaigRequest
{
    private ReadOnlyMemory<byte> _utf8;
    private JsonObject? _body;
    private JsonObject? _arguments;
    private IReadOnlyList<ConversationMessage>? _callLog;
    private IReadOnlyList<ConversationMessage>? _rawCallLog;

    /// <summary>The function called (<c>function</c>).</summary>
    [JsonPropertyName("function"), JsonConverter(typeof(LenientStringConverter))]
    public string? Function { get; init; }

    /// <summary>The call (<c>call_id</c>).</summary>
    [JsonPropertyName("call_id"), JsonConverter(typeof(LenientStringConverter))]
    public string? CallId { get; init; }

    /// <summary>The caller's number (<c>caller_id_num</c>).</summary>
    [JsonPropertyName("caller_id_num"), JsonConverter(typeof(LenientStringConverter))]
    public string? CallerIdNumber { get; init; }

    /// <summary>The caller's name (<c>caller_id_name</c>).</summary>
    [JsonPropertyName("caller_id_name"), JsonConverter(typeof(LenientStringConverter))]
    public string? CallerIdName { get; init; }

    /// <summary>The AI session (<c>ai_session_id</c>).</summary>
    [JsonPropertyName("ai_session_id"), JsonConverter(typeof(LenientStringConverter))]
    public string? AiSessionId { get; init; }

    /// <summary>The application name (<c>app_name</c>).</summary>
    [JsonPropertyName("app_name"), JsonConverter(typeof(LenientStringConverter))]
    public string? AppName { get; init; }

    /// <summary>The token scoping this function's metadata (<c>meta_data_token</c>).</summary>
    [JsonPropertyName("meta_data_token"), JsonConverter(typeof(LenientStringConverter))]
    public string? MetaDataToken { get; init; }

    /// <summary>The conversation (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id"), JsonConverter(typeof(LenientStringConverter))]
    public string? ConversationId { get; init; }

    /// <summary>The project (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id"), JsonConverter(typeof(LenientStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>The space (<c>space_id</c>).</summary>
    [JsonPropertyName("space_id"), JsonConverter(typeof(LenientStringConverter))]
    public string? SpaceId { get; init; }

    /// <summary>The body's content type as the platform states it (<c>content_type</c>, e.g. <c>text/swaig</c>).</summary>
    [JsonPropertyName("content_type"), JsonConverter(typeof(LenientStringConverter))]
    public string? ContentType { get; init; }

    /// <summary>The request format version (<c>version</c>).</summary>
    [JsonPropertyName("version"), JsonConverter(typeof(LenientStringConverter))]
    public string? Version { get; init; }

    /// <summary>Why the function is called (<c>purpose</c>), when the platform says.</summary>
    [JsonPropertyName("purpose"), JsonConverter(typeof(LenientStringConverter))]
    public string? Purpose { get; init; }

    /// <summary>The conversation's global data (<c>global_data</c>).</summary>
    [JsonPropertyName("global_data"), JsonConverter(typeof(LenientObjectConverter))]
    public JsonObject? GlobalData { get; init; }

    /// <summary>This function's metadata (<c>meta_data</c>).</summary>
    [JsonPropertyName("meta_data"), JsonConverter(typeof(LenientObjectConverter))]
    public JsonObject? MetaData { get; init; }

    /// <summary>The SWML variables (<c>SWMLVars</c>), sent when <c>swaig_post_swml_vars</c> is on.</summary>
    [JsonPropertyName("SWMLVars"), JsonConverter(typeof(LenientObjectConverter))]
    public JsonObject? SwmlVars { get; init; }

    /// <summary>The SWML call object (<c>SWMLCall</c>), sent when <c>swaig_post_swml_vars</c> is on.</summary>
    [JsonPropertyName("SWMLCall"), JsonConverter(typeof(LenientObjectConverter))]
    public JsonObject? SwmlCall { get; init; }

    /// <summary>The arguments as the platform wraps them (<c>argument</c>: <c>parsed</c>, <c>raw</c>, <c>substituted</c>).</summary>
    [JsonPropertyName("argument"), JsonConverter(typeof(LenientObjectConverter))]
    public JsonObject? Argument { get; init; }

    /// <summary>Arguments given flat (<c>arguments</c>), as some callers (and tests) send them.</summary>
    [JsonInclude, JsonPropertyName("arguments"), JsonConverter(typeof(LenientObjectConverter))]
    internal JsonObject? FlatArguments { get; init; }

    /// <summary>The conversation so far as sent (<c>call_log</c>), when <c>swaig_post_conversation</c> is on.</summary>
    [JsonInclude, JsonPropertyName("call_log"), JsonConverter(typeof(LenientArrayConverter))]
    internal JsonArray? CallLogJson { get; init; }

    /// <summary>The unprocessed conversation log as sent (<c>raw_call_log</c>).</summary>
    [JsonInclude, JsonPropertyName("raw_call_log"), JsonConverter(typeof(LenientArrayConverter))]
    internal JsonArray? RawCallLogJson { get; init; }

    /// <summary>Every field this type does not name, as sent.</summary>
    [JsonExtensionData]
    public JsonObject? AdditionalFields { get; set; }

    /// <summary>
    /// The arguments: <c>argument.parsed[0]</c>, else the JSON object in <c>argument.raw</c>, else
    /// <c>arguments</c> (flat, as some callers and tests send them), else empty. Argument validation reports what is missing.
    /// </summary>
    [JsonIgnore]
    public JsonObject Arguments => _arguments ??= ReadArguments();

    /// <summary>The conversation so far (<c>call_log</c>), each entry read leniently.</summary>
    [JsonIgnore]
    public IReadOnlyList<ConversationMessage>? CallLog => _callLog ??= ConversationMessage.FromArray(CallLogJson);

    /// <summary>The unprocessed conversation log (<c>raw_call_log</c>), each entry read leniently.</summary>
    [JsonIgnore]
    public IReadOnlyList<ConversationMessage>? RawCallLog => _rawCallLog ??= ConversationMessage.FromArray(RawCallLogJson);

    /// <summary>
    /// The whole request, unknown and mistyped fields included. Built on first use (from the bytes
    /// <see cref="Parse"/> read, so nothing the platform sent is lost); the tool path itself never needs it.
    /// </summary>
    [JsonIgnore]
    public JsonObject Body => _body ??= BuildBody();

    /// <summary>
    /// Reads a request body: UTF-8 JSON, one object, under the rules of <see cref="RequestJson"/> and
    /// <see cref="JsonText"/>.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON, not an object, too deep, or gives a property twice.</exception>
    public static SwaigRequest Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (!JsonText.IsWellFormed(utf8Json))
        {
            throw new JsonException("The body is not well-formed UTF-8 JSON.");
        }

        SwaigRequest request;
        try
        {
            request = SwaigRequestReader.Read(utf8Json);
        }
        catch (ArgumentException ex)
        {
            // A nested object that gives a key twice.
            throw new JsonException("The body gives a property twice.", ex);
        }

        request._utf8 = utf8Json.ToArray();
        return request;
    }

    /// <summary>Reads a request body that has already been parsed (and refused if malformed or with duplicate keys).</summary>
    public static SwaigRequest FromJson(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = Parse(SwmlJson.ToUtf8(body));
        request._body = body;
        return request;
    }

    private JsonObject BuildBody()
    {
        var node = _utf8.IsEmpty
            ? JsonSerializer.SerializeToNode(this, RequestJsonContext.Default.SwaigRequest)
            : JsonNode.Parse(_utf8.Span, documentOptions: RequestJson.DocumentOptions);
        return node as JsonObject ?? [];
    }

    private JsonObject ReadArguments()
    {
        if (Argument is { } argument)
        {
            if (argument["parsed"] is JsonArray { Count: > 0 } parsed && parsed[0] is JsonObject first)
            {
                return first;
            }

            if (argument.GetString("raw") is { Length: > 0 } raw)
            {
                try
                {
                    if (JsonNode.Parse(raw, documentOptions: RequestJson.DocumentOptions) is JsonObject fromRaw)
                    {
                        return fromRaw;
                    }
                }
                catch (JsonException)
                {
                    // Unparsable raw arguments count as none.
                }
            }
        }

        return FlatArguments ?? [];
    }
}
