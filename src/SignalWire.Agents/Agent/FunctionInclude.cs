using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Remote functions served at <paramref name="Url"/> (<c>SWAIG.includes</c>).</summary>
/// <param name="Url">Where the functions are served.</param>
/// <param name="Functions">The functions to include (at least one).</param>
/// <param name="MetaData">Metadata sent with their calls.</param>
public sealed record FunctionInclude(Uri Url, IReadOnlyList<string> Functions, JsonObject? MetaData = null);
