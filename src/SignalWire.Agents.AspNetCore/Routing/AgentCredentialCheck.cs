namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// A credential a side door to an agent accepts in place of its Basic Auth (a bearer token for MCP, say): how to check
/// the <c>Authorization</c> header, and the <c>WWW-Authenticate</c> challenge a refusal carries. The agent's per-IP
/// ceiling and failed-login lock-out still apply, and refusals are audited like failed logins.
/// </summary>
/// <param name="Verify">Whether the <c>Authorization</c> header value (empty when absent) carries a valid credential; must compare in constant time.</param>
/// <param name="Challenge">The <c>WWW-Authenticate</c> value of a 401, such as <c>Bearer realm="SignalWire Agent"</c>.</param>
public sealed record AgentCredentialCheck(Func<string?, bool> Verify, string Challenge);
