namespace SignalWire.Relay.Calling;

/// <summary>How a recording ended and where it is.</summary>
/// <param name="State"><c>finished</c>, <c>no_input</c>, or <c>ended</c> when the call ended first.</param>
/// <param name="Url">Where the recording can be downloaded.</param>
/// <param name="Duration">How long it is.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record RecordingResult(string State, Uri? Url, TimeSpan? Duration, long? Size);
