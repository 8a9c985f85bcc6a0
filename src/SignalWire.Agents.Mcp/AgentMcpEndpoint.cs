using SignalWire.Agents.Pipeline;

namespace SignalWire.Agents.Mcp;

/// <summary>Endpoint metadata naming the pipeline an MCP endpoint serves.</summary>
internal sealed record AgentMcpEndpoint(AgentPipeline Pipeline);
