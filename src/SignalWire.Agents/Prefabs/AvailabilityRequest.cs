namespace SignalWire.Agents.Prefabs;

/// <summary>A caller's question to a <see cref="ConciergeAgent"/>: is this service available then?</summary>
/// <param name="Service">One of the venue's services.</param>
/// <param name="Date">The day asked about.</param>
/// <param name="Time">The time of day asked about.</param>
public sealed record AvailabilityRequest(string Service, DateOnly Date, TimeOnly Time);
