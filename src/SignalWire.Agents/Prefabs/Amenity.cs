namespace SignalWire.Agents.Prefabs;

/// <summary>A place at a <see cref="ConciergeAgent"/>'s venue.</summary>
/// <param name="Name">Its name (the AI chooses from these).</param>
/// <param name="Description">What it is.</param>
/// <param name="Directions">How to get there from the entrance.</param>
public sealed record Amenity(string Name, string Description, string Directions);
