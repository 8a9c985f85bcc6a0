namespace SignalWire.Relay.Calling;

/// <summary>What a detection found.</summary>
/// <param name="Type"><c>machine</c>, <c>fax</c> or <c>digit</c>; <see langword="null"/> when it ended without a result.</param>
/// <param name="Event">The finding (<c>HUMAN</c>, <c>MACHINE</c>, <c>READY</c>, <c>CED</c>, the digits...), or the final state.</param>
public sealed record DetectResult(string? Type, string? Event);
