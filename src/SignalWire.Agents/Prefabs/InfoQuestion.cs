namespace SignalWire.Agents.Prefabs;

/// <summary>One question an <see cref="InfoGathererAgent"/> asks.</summary>
/// <param name="KeyName">Where the answer is stored (<c>[a-z_][a-z0-9_]*</c>, unique).</param>
/// <param name="QuestionText">What the AI asks.</param>
/// <param name="Confirm">Read the answer back and get the caller's confirmation before moving on.</param>
public sealed record InfoQuestion(string KeyName, string QuestionText, bool Confirm = false);
