namespace SignalWire.Relay.Calling;

/// <summary>A connected call's other leg.</summary>
/// <param name="PeerCallId">The peer's call id.</param>
/// <param name="PeerNodeId">The peer's node.</param>
public sealed record ConnectResult(string? PeerCallId, string? PeerNodeId);
