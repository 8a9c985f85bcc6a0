namespace SignalWire.Agents.Prefabs;

/// <summary>What a <see cref="FaqBotAgent"/> knows.</summary>
public sealed class FaqBotOptions
{
    /// <summary>The entries (at least one).</summary>
    public IReadOnlyList<Faq> Faqs { get; set; } = [];

    /// <summary>Offer up to three related questions with an answer (default on).</summary>
    public bool SuggestRelated { get; set; } = true;

    /// <summary>Who the AI is; default a helpful assistant that answers from the FAQ only.</summary>
    public string? Persona { get; set; }

    /// <summary>The agent's options; default name <c>faq_bot</c> at route <c>/faq</c>.</summary>
    public AgentOptions? Agent { get; set; }
}
