namespace SignalWire.Agents.Prefabs;

/// <summary>What an <see cref="InfoGathererAgent"/> asks.</summary>
public sealed class InfoGathererOptions
{
    /// <summary>The questions, in order (at most 50); required unless <see cref="QuestionsForRequest"/> is set.</summary>
    public IReadOnlyList<InfoQuestion> Questions { get; set; } = [];

    /// <summary>Chooses the questions per call from the SWML request (query, body, headers), e.g. by tenant; its result is validated like <see cref="Questions"/>.</summary>
    public Func<AgentRequest, CancellationToken, ValueTask<IReadOnlyList<InfoQuestion>>>? QuestionsForRequest { get; set; }

    /// <summary>Runs when the last answer is submitted, with every answer by key (store them, start a ticket, ...).</summary>
    public Func<IReadOnlyDictionary<string, string>, ToolCallContext, CancellationToken, ValueTask>? OnCompleted { get; set; }

    /// <summary>The agent's options; default name <c>info_gatherer</c> at route <c>/info_gatherer</c>.</summary>
    public AgentOptions? Agent { get; set; }
}
