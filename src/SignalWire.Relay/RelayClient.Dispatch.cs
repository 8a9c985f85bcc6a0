using System.Text.Json.Nodes;
using SignalWire.Agents.Json;
using SignalWire.Relay.Calling;
using SignalWire.Relay.Messaging;

namespace SignalWire.Relay;

/// <summary>What the server sends: pings, disconnect notices and events, each acknowledged before it is handled.</summary>
public sealed partial class RelayClient
{
    private async Task OnServerRequestAsync(JsonObject frame)
    {
        var method = frame.GetString("method") ?? string.Empty;
        var connection = _connection;
        if (frame["id"] is { } id)
        {
            // Every server request (ping, disconnect, event) is acknowledged first, as event_acks promised.
            await ReplyAsync(connection, id).ConfigureAwait(false);
        }

        switch (method)
        {
            case "signalwire.disconnect":
                _restart = (frame["params"] as JsonObject)?.GetBoolean("restart") == true;
                break;
            case "signalwire.event" when frame["params"] is JsonObject parameters:
                Dispatch(new RelayEvent(parameters.GetString("event_type") ?? string.Empty, parameters["params"] as JsonObject ?? []), parameters);
                break;
        }
    }

    private async Task ReplyAsync(RelayConnection? connection, JsonNode id)
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.ReplyAsync(id, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RelayException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket went away; the event is redelivered to the resumed session.
        }
    }

    private void Dispatch(RelayEvent relayEvent, JsonObject envelope)
    {
        switch (relayEvent.EventType)
        {
            case "signalwire.authorization.state":
                _authorizationState = relayEvent.Get("authorization_state")
                    ?? envelope.GetString("authorization_state") ?? _authorizationState;
                return;
            case "calling.call.receive":
                var call = new RelayCall(ExecuteAsync, HandlerFailed, relayEvent.Params, "inbound");
                _calls[call.Id] = call;
                var handler = (call.Context is { } context ? _callHandlers.GetValueOrDefault(context) : null) ?? _callHandlers.GetValueOrDefault("*");
                if (handler is not null)
                {
                    Run(() => handler(call), "inbound call on " + call.Context);
                }

                return;
            case "calling.call.dial":
                OnDial(relayEvent);
                return;
            case "messaging.receive":
                var message = RelayMessage.Parse(relayEvent.Params, "inbound");
                if (_messageHandler is { } onMessage)
                {
                    Run(() => onMessage(message), "inbound message");
                }

                return;
            case "messaging.state":
                if (relayEvent.Get("message_id") is { } messageId && _messages.TryGetValue(messageId, out var sent))
                {
                    sent.OnState(relayEvent.Get("message_state") ?? sent.State);
                    if (sent.IsFinal)
                    {
                        _messages.TryRemove(messageId, out _);
                    }
                }

                return;
        }

        if (relayEvent.Get("call_id") is { } callId)
        {
            var target = _calls.GetOrAdd(callId, _ => new RelayCall(ExecuteAsync, HandlerFailed, relayEvent.Params, "outbound"));
            target.Handle(relayEvent);
            if (target.State == CallState.Ended)
            {
                _calls.TryRemove(callId, out _);
            }
        }
    }

    private void OnDial(RelayEvent relayEvent)
    {
        if (relayEvent.Get("tag") is not { } tag || !_dials.TryGetValue(tag, out var pending))
        {
            return;
        }

        switch (relayEvent.Get("dial_state"))
        {
            case "answered" when relayEvent.Params["call"] is JsonObject details:
                var call = _calls.GetOrAdd(details["call_id"]?.GetValue<string>() ?? string.Empty, _ => new RelayCall(ExecuteAsync, HandlerFailed, details, "outbound"));
                call.Handle(new RelayEvent("calling.call.state", new JsonObject { ["call_id"] = call.Id, ["call_state"] = "answered" }));
                pending.TrySetResult(call);
                break;
            case "failed":
                pending.TrySetException(new RelayException("Nobody answered the dial.", "failed"));
                break;
        }
    }

    private void HandlerFailed(string what, Exception exception) => RelayLog.HandlerFailed(_logger, what, exception);

    internal void Run(Func<Task> work, string what) => _ = Task.Run(async () =>
    {
        try
        {
            await work().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A handler's failure is logged, never allowed to stop the client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RelayLog.HandlerFailed(_logger, what, ex);
        }
    });
}
