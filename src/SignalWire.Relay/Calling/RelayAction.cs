namespace SignalWire.Relay.Calling;

/// <summary>
/// A long operation on a call (play, record, collect, detect, tap, stream...), identified by its control id: wait for
/// it (<see cref="WaitAsync"/>), stop it, and see its events as they come (<see cref="Events"/>). It completes with the
/// event that ended it, or with the call's <c>ended</c> event if the call ends first.
/// </summary>
public class RelayAction
{
    private readonly TaskCompletionSource<RelayEvent> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string[] _terminalStates;
    private readonly List<RelayEvent> _events = [];

    internal RelayAction(RelayCall call, string command, string eventType, params string[] terminalStates)
    {
        Call = call;
        Command = command;
        EventType = eventType;
        _terminalStates = terminalStates;
        ControlId = Guid.NewGuid().ToString();
    }

    /// <summary>The call it runs on.</summary>
    public RelayCall Call { get; }

    /// <summary>Its control id.</summary>
    public string ControlId { get; }

    /// <summary>The last state its events reported (<c>playing</c>, <c>finished</c>...).</summary>
    public string? State { get; private set; }

    /// <summary>The events it received so far.</summary>
    public IReadOnlyList<RelayEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Whether it has completed.</summary>
    public bool IsDone => _done.Task.IsCompleted;

    /// <summary>The command prefix (<c>play</c>, <c>record</c>...).</summary>
    protected string Command { get; }

    /// <summary>The event type it listens to.</summary>
    protected string EventType { get; }

    /// <summary>Waits until it completes and returns the event that completed it.</summary>
    public Task<RelayEvent> WaitAsync(CancellationToken cancellationToken = default) => _done.Task.WaitAsync(cancellationToken);

    /// <summary>Stops it (<c>calling.&lt;command&gt;.stop</c>).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => ControlAsync("stop", null, cancellationToken);

    /// <summary>Sends <c>calling.&lt;command&gt;.&lt;subcommand&gt;</c> for this action.</summary>
    protected Task ControlAsync(string subcommand, System.Text.Json.Nodes.JsonObject? parameters, CancellationToken cancellationToken)
    {
        var request = parameters ?? [];
        request["control_id"] = ControlId;
        return Call.ExecuteAsync(Command + "." + subcommand, request, cancellationToken);
    }

    /// <summary>Whether <paramref name="relayEvent"/> completes the action (default: its event type with a terminal <c>state</c>).</summary>
    protected virtual bool Completes(RelayEvent relayEvent)
    {
        ArgumentNullException.ThrowIfNull(relayEvent);
        return relayEvent.EventType == EventType && relayEvent.Get("state") is { } state && _terminalStates.Contains(state);
    }

    internal void Handle(RelayEvent relayEvent)
    {
        lock (_events)
        {
            _events.Add(relayEvent);
        }

        State = relayEvent.Get("state") ?? State;
        if (Completes(relayEvent))
        {
            Complete(relayEvent);
        }
    }

    internal void Complete(RelayEvent relayEvent) => _done.TrySetResult(relayEvent);
}
