namespace SignalWire.Agents.Contexts;

/// <summary>What conversation history a context or step keeps (<c>history</c>; a platform extension).</summary>
public enum ContextHistory
{
    /// <summary>Keep the whole history.</summary>
    Keep,

    /// <summary>The platform's default handling.</summary>
    Default,

    /// <summary>Hide earlier history.</summary>
    Hide,
}
