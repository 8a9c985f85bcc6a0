using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>What a dynamic configuration handler knows about the request.</summary>
/// <param name="Query">Query-string values (first value of each).</param>
/// <param name="Body">The posted JSON body, if any.</param>
/// <param name="Headers">Request headers, without credentials (Authorization, Cookie, API keys, signatures).</param>
public sealed record AgentRequest(IReadOnlyDictionary<string, string> Query, JsonObject? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The call of an SWML fetch (<c>body.call</c>), typed; <see langword="null"/> for tool calls and bodiless requests.</summary>
    public Requests.CallInfo? Call => Requests.CallInfo.FromFetchBody(Body);

    /// <summary>The SWML variables of an SWML fetch (<c>body.vars</c>).</summary>
    public JsonObject? Vars => Body?["vars"] as JsonObject;

    /// <summary>The user variables of an SWML fetch (<c>body.vars.userVariables</c>).</summary>
    public JsonObject? UserVariables => Vars?["userVariables"] as JsonObject;
}
