using System.Collections.Immutable;
using System.Text.Json.Nodes;

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

    /// <summary>The reserved function the platform calls when the call ends, which <see cref="OnCallEnd"/> defines.</summary>
    public const string CallEndFunction = "hangup_hook";

    /// <summary>
    /// Runs <paramref name="handler"/> when the call ends, through the reserved <c>hangup_hook</c> function (never
    /// offered to the AI as a choice). Handlers run in the order registered; each gets the call's context, whose
    /// <see cref="ToolCallContext.CallLog"/> (else <see cref="ToolCallContext.RawCallLog"/>) holds the conversation,
    /// and one that fails does not stop the others (failures are logged once, as for any tool). The first handler
    /// also turns on <c>swaig_post_conversation</c>, which makes the platform send the conversation, unless it was
    /// set explicitly; when it is off, the host logs a warning at start-up, because the handlers would get no conversation.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tool named <c>hangup_hook</c> was defined by other means.</exception>
    public AgentBase OnCallEnd(Func<ToolCallContext, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        bool first;
        lock (_gate)
        {
            first = _state.CallEndHandlers.IsEmpty;
            if (first && _state.Tools.TryGet(CallEndFunction, out _))
            {
                throw new InvalidOperationException($"A tool named '{CallEndFunction}' is already defined; register call-end work with OnCallEnd only.");
            }
        }

        if (first)
        {
            DefineTool(CallEndFunction, "Internal: fires when the call ends.", null, RunCallEndHandlersAsync);
            if (!ParamsContain("swaig_post_conversation"))
            {
                SetSwaigPostConversation(true);
            }
        }

        return Mutate(() => _state.CallEndHandlers = _state.CallEndHandlers.Add(handler));
    }

    /// <summary>Whether call-end handlers are registered while the platform is told not to send the conversation.</summary>
    internal bool CallEndWithoutConversation
    {
        get
        {
            lock (_gate)
            {
                return !_state.CallEndHandlers.IsEmpty && _state.Params["swaig_post_conversation"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.False;
            }
        }
    }

    private bool ParamsContain(string key)
    {
        lock (_gate)
        {
            return _state.Params.ContainsKey(key);
        }
    }

    private static async ValueTask<FunctionResult> RunCallEndHandlersAsync(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        ImmutableArray<Func<ToolCallContext, CancellationToken, ValueTask>> handlers;
        lock (context.Agent._gate)
        {
            handlers = context.Agent._state.CallEndHandlers;
        }

        List<Exception>? failures = null;
        foreach (var handler in handlers)
        {
            try
            {
                await handler(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (failures ??= []).Add(ex);
            }
        }

        return failures is null
            ? new FunctionResult()
            : throw new AggregateException($"{failures.Count} of {handlers.Length} call-end handlers failed.", failures);
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
