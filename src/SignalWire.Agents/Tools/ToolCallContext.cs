using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>What a tool handler knows about the call that invoked it.</summary>
public sealed class ToolCallContext
{
    internal ToolCallContext(AgentBase agent, string functionName, JsonObject request)
    {
        Agent = agent;
        FunctionName = functionName;
        Request = request;
        CallId = request.GetString("call_id");
        CallerIdNumber = request.GetString("caller_id_num");
        CallerIdName = request.GetString("caller_id_name");
        AiSessionId = request.GetString("ai_session_id");
        GlobalData = request["global_data"] as JsonObject;
        MetaData = request["meta_data"] as JsonObject;
    }

    /// <summary>The agent that owns the tool.</summary>
    public AgentBase Agent { get; }

    /// <summary>The tool's name.</summary>
    public string FunctionName { get; }

    /// <summary>The platform's call id (<c>call_id</c>).</summary>
    public string? CallId { get; }

    /// <summary>The caller's number (<c>caller_id_num</c>).</summary>
    public string? CallerIdNumber { get; }

    /// <summary>The caller's name (<c>caller_id_name</c>).</summary>
    public string? CallerIdName { get; }

    /// <summary>The AI session id (<c>ai_session_id</c>).</summary>
    public string? AiSessionId { get; }

    /// <summary>The session's global data as the platform sent it (<c>global_data</c>).</summary>
    public JsonObject? GlobalData { get; }

    /// <summary>This function's metadata (<c>meta_data</c>).</summary>
    public JsonObject? MetaData { get; }

    /// <summary>The whole request body the platform posted.</summary>
    public JsonObject Request { get; }
}
