
namespace SignalWire.Agents.Pipeline;

/// <summary>A tool call handed to the pipeline by a host.</summary>
/// <param name="Request">The parsed request.</param>
/// <param name="Token">The <c>__token</c> the request URL carried, if any.</param>
/// <param name="Client">The client's address (after trusted proxies), for audit and fallback limits.</param>
/// <param name="Details">The request's query and headers for per-request configuration; needed only when <see cref="AgentBase.HasDynamicConfig"/>.</param>
public sealed record ToolInvocation(Requests.SwaigRequest Request, string? Token, System.Net.IPAddress? Client, AgentRequest? Details = null);
