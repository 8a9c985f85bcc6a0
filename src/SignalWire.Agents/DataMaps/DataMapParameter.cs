namespace SignalWire.Agents.DataMaps;

/// <summary>A parameter of a DataMap tool made by a factory.</summary>
/// <param name="Name">Argument name.</param>
/// <param name="Type">JSON type (<c>string</c>, <c>integer</c>, ...).</param>
/// <param name="Description">What the AI should pass.</param>
/// <param name="Required">Whether the AI must pass it.</param>
/// <param name="Enum">The allowed values, when limited.</param>
public sealed record DataMapParameter(string Name, string Type, string Description, bool Required = false, IReadOnlyList<string>? Enum = null);
