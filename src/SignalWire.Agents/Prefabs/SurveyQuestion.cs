namespace SignalWire.Agents.Prefabs;

/// <summary>One question of a <see cref="SurveyAgent"/>.</summary>
/// <param name="Id">Its id (<c>[a-z_][a-z0-9_]*</c>, unique), which the AI names when it records an answer.</param>
/// <param name="Text">What the AI asks.</param>
/// <param name="Type">How it is answered.</param>
/// <param name="Options">The choices of a multiple-choice question (at least two).</param>
/// <param name="Scale">The top of a rating's 1–N scale (2 to 10; default 5).</param>
/// <param name="Required">Whether an empty answer is refused.</param>
public sealed record SurveyQuestion(string Id, string Text, SurveyQuestionType Type, IReadOnlyList<string>? Options = null, int Scale = 5, bool Required = true);
