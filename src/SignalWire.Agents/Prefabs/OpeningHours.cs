namespace SignalWire.Agents.Prefabs;

/// <summary>When a <see cref="ConciergeAgent"/>'s venue is open on one day.</summary>
/// <param name="Opens">Opening time.</param>
/// <param name="Closes">Closing time (after <paramref name="Opens"/>; the venue is closed from then on).</param>
public sealed record OpeningHours(TimeOnly Opens, TimeOnly Closes);
