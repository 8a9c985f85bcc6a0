using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>
/// A SWAIG function call as the platform posts it to <c>/swaig</c>, read once. Every field is read leniently:
/// a missing or mistyped field is <see langword="null"/>, never an error, and the whole body (unknown fields
/// included) stays available in <see cref="Body"/>.
/// </summary>
public sealed class SwaigRequest
{

    private SwaigRequest(JsonObject body)
    {
        Body = body;
        Function = body.GetString("function");
        CallId = body.GetString("call_id");
        CallerIdNumber = body.GetString("caller_id_num");
        CallerIdName = body.GetString("caller_id_name");
        AiSessionId = body.GetString("ai_session_id");
        AppName = body.GetString("app_name");
        MetaDataToken = body.GetString("meta_data_token");
        ConversationId = body.GetString("conversation_id");
        ProjectId = body.GetString("project_id");
        SpaceId = body.GetString("space_id");
        ContentType = body.GetString("content_type");
        Version = body.GetString("version");
        Purpose = body.GetString("purpose");
        GlobalData = body["global_data"] as JsonObject;
        MetaData = body["meta_data"] as JsonObject;
        SwmlVars = body["SWMLVars"] as JsonObject;
        SwmlCall = body["SWMLCall"] as JsonObject;
        Arguments = ReadArguments(body);
    }

    /// <summary>The function called (<c>function</c>).</summary>
    public string? Function { get; }

    /// <summary>The call (<c>call_id</c>).</summary>
    public string? CallId { get; }

    /// <summary>The caller's number (<c>caller_id_num</c>).</summary>
    public string? CallerIdNumber { get; }

    /// <summary>The caller's name (<c>caller_id_name</c>).</summary>
    public string? CallerIdName { get; }

    /// <summary>The AI session (<c>ai_session_id</c>).</summary>
    public string? AiSessionId { get; }

    /// <summary>The application name (<c>app_name</c>).</summary>
    public string? AppName { get; }

    /// <summary>The token scoping this function's metadata (<c>meta_data_token</c>).</summary>
    public string? MetaDataToken { get; }

    /// <summary>The conversation (<c>conversation_id</c>).</summary>
    public string? ConversationId { get; }

    /// <summary>The project (<c>project_id</c>).</summary>
    public string? ProjectId { get; }

    /// <summary>The space (<c>space_id</c>).</summary>
    public string? SpaceId { get; }

    /// <summary>The body's content type as the platform states it (<c>content_type</c>, e.g. <c>text/swaig</c>).</summary>
    public string? ContentType { get; }

    /// <summary>The request format version (<c>version</c>).</summary>
    public string? Version { get; }

    /// <summary>Why the function is called (<c>purpose</c>), when the platform says.</summary>
    public string? Purpose { get; }

    /// <summary>The conversation's global data (<c>global_data</c>).</summary>
    public JsonObject? GlobalData { get; }

    /// <summary>This function's metadata (<c>meta_data</c>).</summary>
    public JsonObject? MetaData { get; }

    /// <summary>The SWML variables (<c>SWMLVars</c>).</summary>
    public JsonObject? SwmlVars { get; }

    /// <summary>The SWML call object (<c>SWMLCall</c>).</summary>
    public JsonObject? SwmlCall { get; }

    /// <summary>
    /// The arguments: <c>argument.parsed[0]</c>, else the JSON object in <c>argument.raw</c>, else
    /// <c>arguments</c>, else empty. Argument validation reports what is missing.
    /// </summary>
    public JsonObject Arguments { get; }

    /// <summary>The whole request, unknown fields included.</summary>
    public JsonObject Body { get; }

    /// <summary>Reads a request body that has already been parsed (and refused if malformed or with duplicate keys).</summary>
    public static SwaigRequest FromJson(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new SwaigRequest(body);
    }

    private static JsonObject ReadArguments(JsonObject body)
    {
        if (body["argument"] is JsonObject argument)
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

        return body["arguments"] is JsonObject flat ? flat : [];
    }
}
