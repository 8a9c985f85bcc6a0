namespace SignalWire.Agents.Prefabs;

/// <summary>What a <see cref="SurveyAgent"/> asks and how.</summary>
public sealed class SurveyOptions
{
    /// <summary>The survey's name, told to the caller.</summary>
    public string SurveyName { get; set; } = string.Empty;

    /// <summary>The questions, in order (at least one).</summary>
    public IReadOnlyList<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>The opening line; default one naming the survey (and the brand).</summary>
    public string? Introduction { get; set; }

    /// <summary>The closing line; default a thank-you.</summary>
    public string? Conclusion { get; set; }

    /// <summary>Whose survey it is.</summary>
    public string? BrandName { get; set; }

    /// <summary>How often an invalid answer is asked again before the question is skipped (0 to 5; default 2).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Runs for every valid answer recorded (question id, normalised answer): store it.</summary>
    public Func<string, string, ToolCallContext, CancellationToken, ValueTask>? OnResponse { get; set; }

    /// <summary>The agent's options; default name <c>survey</c> at route <c>/survey</c>.</summary>
    public AgentOptions? Agent { get; set; }
}
