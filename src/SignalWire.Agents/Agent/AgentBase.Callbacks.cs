
namespace SignalWire.Agents;

/// <summary>Callbacks from the platform.</summary>
public partial class AgentBase
{

    /// <summary>Registers a handler for the end-of-call summary (instead of overriding <see cref="OnSummaryAsync"/>).</summary>
    public AgentBase OnSummary(Func<PostPromptSummary, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Mutate(() => _state.SummaryHandler = handler);
    }

    /// <summary>
    /// Called when the platform posts the conversation summary produced by the post-prompt. The default
    /// runs the handler given to <see cref="OnSummary"/>, if any.
    /// </summary>
    protected internal virtual ValueTask OnSummaryAsync(PostPromptSummary summary, CancellationToken cancellationToken)
    {
        Func<PostPromptSummary, CancellationToken, ValueTask>? handler;
        lock (_gate)
        {
            handler = _state.SummaryHandler;
        }

        return handler is null ? ValueTask.CompletedTask : handler(summary, cancellationToken);
    }
}
