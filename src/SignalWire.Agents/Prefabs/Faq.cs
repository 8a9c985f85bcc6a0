namespace SignalWire.Agents.Prefabs;

/// <summary>One entry of a <see cref="FaqBotAgent"/>.</summary>
/// <param name="Question">The question as customers ask it.</param>
/// <param name="Answer">The answer the AI gives.</param>
/// <param name="Categories">Categories to narrow a search by (optional).</param>
public sealed record Faq(string Question, string Answer, IReadOnlyList<string>? Categories = null);
