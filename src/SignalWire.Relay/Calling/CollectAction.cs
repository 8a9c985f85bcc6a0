using System.Text.Json.Nodes;

namespace SignalWire.Relay.Calling;

/// <summary>
/// Collecting digits or speech (with or without a prompt played first): completes on the collect result only, never
/// on the prompt's playback ending. <see cref="ResultAsync"/> gives the typed result.
/// </summary>
public sealed class CollectAction : RelayAction
{
    internal CollectAction(RelayCall call, string command)
        : base(call, command, "calling.call.collect", "finished", "error", "no_input", "no_match")
    {
    }

    /// <summary>Waits for the result.</summary>
    public async Task<CollectResult> ResultAsync(CancellationToken cancellationToken = default) => CollectResult.From(await WaitAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Starts the input timers of a collect started without them.</summary>
    public Task StartInputTimersAsync(CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["control_id"] = ControlId };
        return Call.ExecuteAsync("collect.start_input_timers", request, cancellationToken);
    }

    /// <inheritdoc />
    protected override bool Completes(RelayEvent relayEvent) =>
        relayEvent?.EventType == EventType && (relayEvent.Params["result"] is JsonObject { Count: > 0 } || base.Completes(relayEvent));
}
