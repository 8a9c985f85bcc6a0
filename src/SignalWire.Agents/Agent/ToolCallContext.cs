using System.Text.Json.Nodes;
using SignalWire.Agents.Requests;

namespace SignalWire.Agents;

/// <summary>
/// What a tool handler knows about the call that invoked it: the fields of the SWAIG request (from
/// <see cref="Swaig"/>, read leniently: missing or mistyped fields are <see langword="null"/>; everything is
/// also in <see cref="Request"/>).
/// </summary>
public sealed class ToolCallContext
{
    internal ToolCallContext(AgentBase agent, string functionName, SwaigRequest request)
    {
        Agent = agent;
        FunctionName = functionName;
        Swaig = request;
    }

    /// <summary>The typed request, for tools that want every field the platform sent.</summary>
    public SwaigRequest Swaig { get; }

    /// <summary>The token scoping this function's metadata (<c>meta_data_token</c>).</summary>
    public string? MetaDataToken => Swaig.MetaDataToken;

    /// <summary>The conversation's id, when the platform sends one.</summary>
    public string? ConversationId => Swaig.ConversationId;

    /// <summary>The application name (<c>app_name</c>).</summary>
    public string? AppName => Swaig.AppName;

    /// <summary>The SignalWire project.</summary>
    public string? ProjectId => Swaig.ProjectId;

    /// <summary>The SignalWire space.</summary>
    public string? SpaceId => Swaig.SpaceId;

    /// <summary>The SWML variables (<c>SWMLVars</c>), sent when <c>swaig_post_swml_vars</c> is on.</summary>
    public JsonObject? SwmlVars => Swaig.SwmlVars;

    /// <summary>The SWML call object (<c>SWMLCall</c>), sent when <c>swaig_post_swml_vars</c> is on.</summary>
    public JsonObject? SwmlCall => Swaig.SwmlCall;

    /// <summary>The conversation so far (<c>call_log</c>), sent when <c>swaig_post_conversation</c> is on.</summary>
    public IReadOnlyList<ConversationMessage>? CallLog => Swaig.CallLog;

    /// <summary>The unprocessed conversation log (<c>raw_call_log</c>), sent when <c>swaig_post_conversation</c> is on.</summary>
    public IReadOnlyList<ConversationMessage>? RawCallLog => Swaig.RawCallLog;

    /// <summary>The agent that owns the tool.</summary>
    public AgentBase Agent { get; }

    /// <summary>The tool's name.</summary>
    public string FunctionName { get; }

    /// <summary>The platform's call id (<c>call_id</c>).</summary>
    public string? CallId => Swaig.CallId;

    /// <summary>The caller's number (<c>caller_id_num</c>).</summary>
    public string? CallerIdNumber => Swaig.CallerIdNumber;

    /// <summary>The caller's name (<c>caller_id_name</c>).</summary>
    public string? CallerIdName => Swaig.CallerIdName;

    /// <summary>The AI session id (<c>ai_session_id</c>).</summary>
    public string? AiSessionId => Swaig.AiSessionId;

    /// <summary>The session's global data as the platform sent it (<c>global_data</c>).</summary>
    public JsonObject? GlobalData => Swaig.GlobalData;

    /// <summary>This function's metadata (<c>meta_data</c>).</summary>
    public JsonObject? MetaData => Swaig.MetaData;

    /// <summary>The whole request body the platform posted.</summary>
    public JsonObject Request => Swaig.Body;
}
