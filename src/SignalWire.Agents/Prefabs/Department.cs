namespace SignalWire.Agents.Prefabs;

/// <summary>A department a <see cref="ReceptionistAgent"/> transfers to.</summary>
/// <param name="Name">Its name (<c>[a-z_][a-z0-9_-]*</c>), which the AI chooses from.</param>
/// <param name="Description">What it handles, so the AI can choose.</param>
/// <param name="Destination">Where calls go: an E.164 number or a SIP URI (checked by the destination policy like any transfer).</param>
public sealed record Department(string Name, string Description, string Destination);
