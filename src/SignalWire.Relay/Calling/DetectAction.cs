using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay.Calling;

/// <summary>Detection: results come continuously; the action completes on the first one (or when finished or failed).</summary>
public sealed class DetectAction : RelayAction
{
    internal DetectAction(RelayCall call)
        : base(call, "detect", "calling.call.detect", "finished", "error")
    {
    }

    /// <summary>Waits for the first result: <c>machine</c> / <c>HUMAN</c>, <c>MACHINE</c>, <c>READY</c>...; <c>fax</c> / <c>CED</c>; <c>digit</c> / the digits.</summary>
    public async Task<DetectResult> ResultAsync(CancellationToken cancellationToken = default)
    {
        var done = await WaitAsync(cancellationToken).ConfigureAwait(false);
        var detect = done.Params["detect"] as JsonObject;
        return new DetectResult(detect?.GetString("type"), (detect?["params"] as JsonObject)?.GetString("event") ?? done.Get("state"));
    }

    /// <inheritdoc />
    protected override bool Completes(RelayEvent relayEvent) =>
        relayEvent?.EventType == EventType && (relayEvent.Params["detect"] is JsonObject { Count: > 0 } || base.Completes(relayEvent));
}
