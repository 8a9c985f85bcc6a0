namespace SignalWire.Agents;

/// <summary>A pronunciation rule (<c>ai.pronounce</c>): the AI says <paramref name="With"/> wherever it would say <paramref name="Replace"/>.</summary>
/// <param name="Replace">The text to replace.</param>
/// <param name="With">What to say instead.</param>
/// <param name="IgnoreCase">Match <paramref name="Replace"/> regardless of case.</param>
public sealed record Pronunciation(string Replace, string With, bool IgnoreCase = false);
