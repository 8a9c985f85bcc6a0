using System.Net;
using SignalWire.Agents.Requests;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Pipeline;

/// <summary>One tool call as it passes the gates: what was asked, of which tool, by whom (a struct: a call allocates nothing for it).</summary>
/// <param name="Agent">The agent for this request: the shared one, or its per-request copy.</param>
/// <param name="Tool">The tool called.</param>
/// <param name="Request">The platform's request.</param>
/// <param name="Token">The token the URL carried (empty or <see langword="null"/> when none).</param>
/// <param name="Client">The client address (after trusted forwarded headers), when known.</param>
/// <param name="Verification">The agent's caller verification when the tool called is <c>verify_caller</c>, else <see langword="null"/>.</param>
internal readonly record struct ToolCall(AgentBase Agent, ToolDefinition Tool, SwaigRequest Request, string? Token, IPAddress? Client, Verification.CallerVerification? Verification)
{
    public string? CallId => Request.CallId;
}
