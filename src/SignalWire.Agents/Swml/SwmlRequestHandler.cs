
namespace SignalWire.Agents.Swml;

/// <summary>Customises one request's copy of a <see cref="SwmlService"/>'s document.</summary>
public delegate ValueTask SwmlRequestHandler(AgentRequest request, SwmlDocument document, CancellationToken cancellationToken);
