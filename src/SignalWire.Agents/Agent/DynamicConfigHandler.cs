
namespace SignalWire.Agents;

/// <summary>Handles one request's dynamic configuration on a private copy of the agent.</summary>
public delegate ValueTask DynamicConfigHandler(AgentRequest request, AgentBase agent, CancellationToken cancellationToken);
