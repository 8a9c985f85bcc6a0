
namespace SignalWire.Agents.Tools;

/// <summary>Filler phrases in one language, e.g. <c>new("en-US", "One moment...")</c>.</summary>
/// <param name="LanguageCode">Language code.</param>
/// <param name="Phrases">Phrases.</param>
public sealed record ToolFillers(string LanguageCode, params string[] Phrases);
