namespace SignalWire.Agents.Mcp;

/// <summary>How <c>MapAgentMcp</c> serves an agent's tools.</summary>
public sealed class AgentMcpOptions
{
    /// <summary>The environment variable <see cref="BearerToken"/> defaults to.</summary>
    public const string BearerTokenVariable = "SIGNALWIRE_MCP_TOKEN";

    /// <summary>The smallest bearer token accepted, in characters.</summary>
    public const int MinimumBearerTokenLength = 32;

    /// <summary>Where the MCP endpoint is mapped; default <c>/mcp</c>.</summary>
    public string Pattern { get; set; } = "/mcp";

    /// <summary>
    /// A bearer token MCP clients send (<c>Authorization: Bearer …</c>) in place of the agent's Basic Auth, at least
    /// <see cref="MinimumBearerTokenLength"/> characters; default <see cref="BearerTokenVariable"/>. Unset: the
    /// endpoint takes the agent's Basic Auth. Set: it takes only the token. Either way the agent's per-IP ceiling,
    /// failed-login lock-out and audit apply.
    /// </summary>
    public string? BearerToken { get; set; }
}
