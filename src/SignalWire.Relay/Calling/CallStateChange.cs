namespace SignalWire.Relay.Calling;

/// <summary>A call's new state.</summary>
/// <param name="State">The state.</param>
/// <param name="EndReason">Why it ended, for <see cref="CallState.Ended"/>.</param>
public sealed record CallStateChange(CallState State, string? EndReason);
