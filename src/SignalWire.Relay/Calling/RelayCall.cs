using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay.Calling;

/// <summary>
/// A live call on the RELAY connection: its state (from <c>calling.call.state</c> events), the operations you run on
/// it (see the other part of this class), and every event that concerns it (<see cref="EventReceived"/>).
/// </summary>
public sealed partial class RelayCall
{
    private readonly Func<string, JsonObject, CancellationToken, Task<JsonObject>> _execute;
    private readonly Action<string, Exception> _handlerFailed;
    private readonly ConcurrentDictionary<string, RelayAction> _actions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RelayEvent> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RelayCall(Func<string, JsonObject, CancellationToken, Task<JsonObject>> execute, Action<string, Exception> handlerFailed, JsonObject data, string direction)
    {
        _execute = execute;
        _handlerFailed = handlerFailed;
        Id = data.GetString("call_id") ?? throw new RelayException("A call event without a call_id.", "invalid");
        NodeId = data.GetString("node_id") ?? string.Empty;
        Context = data.GetString("context");
        Tag = data.GetString("tag");
        Direction = data.GetString("direction") ?? direction;
        var device = data["device"]?["params"] as JsonObject;
        From = device is null ? null : device.GetString("from_number") ?? device.GetString("from");
        To = device is null ? null : device.GetString("to_number") ?? device.GetString("to");
        State = Parse(data.GetString("call_state")) ?? CallState.Created;
    }

    /// <summary>Every event about this call, in order (raised on the connection's thread: keep handlers short).</summary>
    public event EventHandler<RelayEvent>? EventReceived;

    /// <summary>Raised when the call's state changes (on the connection's thread: keep handlers short).</summary>
    public event EventHandler<CallStateChange>? StateChanged;

    /// <summary>The call id.</summary>
    public string Id { get; }

    /// <summary>The node serving the call (sent with every command).</summary>
    public string NodeId { get; private set; }

    /// <summary>The context an inbound call arrived on.</summary>
    public string? Context { get; }

    /// <summary>The tag of the dial that placed it.</summary>
    public string? Tag { get; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string Direction { get; }

    /// <summary>The caller.</summary>
    public string? From { get; }

    /// <summary>Who was called.</summary>
    public string? To { get; }

    /// <summary>The call's state.</summary>
    public CallState State { get; private set; }

    /// <summary>Why it ended (<c>hangup</c>, <c>busy</c>, <c>noAnswer</c>...), once ended.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Completes when the call has ended, with the <c>ended</c> event.</summary>
    public Task<RelayEvent> WaitForEndedAsync(CancellationToken cancellationToken = default) => _ended.Task.WaitAsync(cancellationToken);

    /// <summary>Sends <c>calling.&lt;verb&gt;</c> for this call (<c>node_id</c> and <c>call_id</c> added) and returns its result; any verb the protocol has.</summary>
    /// <exception cref="RelayException">The server answered with a non-2xx code (404 and 410, a call already gone, are returned, not thrown).</exception>
    public async Task<JsonObject> ExecuteAsync(string verb, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var request = (JsonObject?)parameters?.DeepClone() ?? [];
        request["node_id"] = NodeId;
        request["call_id"] = Id;
        var result = await _execute("calling." + verb, request, cancellationToken).ConfigureAwait(false);
        var code = result.GetString("code");
        return code is null || code.StartsWith('2') || code is "404" or "410"
            ? result
            : throw new RelayException($"calling.{verb} failed: {result.GetString("message") ?? "code " + code}", code);
    }

    internal void Handle(RelayEvent relayEvent)
    {
        if (relayEvent.Params.GetString("node_id") is { Length: > 0 } node)
        {
            NodeId = node;
        }

        if (relayEvent.EventType == "calling.call.state" && Parse(relayEvent.Get("call_state")) is { } state)
        {
            var changed = state != State;
            State = state;
            EndReason = state == CallState.Ended ? relayEvent.Get("end_reason") : null;
            if (changed)
            {
                Raise(() => StateChanged?.Invoke(this, new CallStateChange(state, EndReason)), "StateChanged");
            }

            if (state == CallState.Ended)
            {
                foreach (var action in _actions.Values)
                {
                    action.Complete(relayEvent);
                }

                _actions.Clear();
                _ended.TrySetResult(relayEvent);
            }
        }
        else if (relayEvent.Get("control_id") is { } controlId && _actions.TryGetValue(controlId, out var action))
        {
            action.Handle(relayEvent);
            if (action.IsDone)
            {
                _actions.TryRemove(controlId, out _);
            }
        }

        Raise(() => EventReceived?.Invoke(this, relayEvent), "EventReceived");
    }

    /// <summary>Runs a subscriber's handler; a failing one is reported (logged once) and never breaks the connection.</summary>
    private void Raise(Action raise, string what)
    {
        try
        {
            raise();
        }
#pragma warning disable CA1031 // A subscriber's failure must not break event delivery for the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _handlerFailed($"{what} of call {Id}", ex);
        }
    }

    /// <summary>Registers <paramref name="action"/> before its request is sent (its events may arrive before the answer), then sends it.</summary>
    private async Task<TAction> StartAsync<TAction>(TAction action, string verb, JsonObject parameters, CancellationToken cancellationToken)
        where TAction : RelayAction
    {
        parameters["control_id"] = action.ControlId;
        _actions[action.ControlId] = action;
        try
        {
            var result = await ExecuteAsync(verb, parameters, cancellationToken).ConfigureAwait(false);
            if (result.GetString("code") is "404" or "410")
            {
                action.Complete(new RelayEvent("calling.call.gone", result));
            }
        }
        catch
        {
            _actions.TryRemove(action.ControlId, out _);
            throw;
        }

        return action;
    }

    private static CallState? Parse(string? state) => state switch
    {
        "created" => CallState.Created,
        "ringing" => CallState.Ringing,
        "answered" => CallState.Answered,
        "ending" => CallState.Ending,
        "ended" => CallState.Ended,
        _ => null,
    };

}
