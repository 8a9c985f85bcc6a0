using System.Text.Json.Nodes;

namespace SignalWire.Relay.Calling;

/// <summary>Detection: results come continuously; the action completes on the first one (or when finished or failed).</summary>
internal sealed class DetectAction : RelayAction
{
    public DetectAction(RelayCall call)
        : base(call, "detect", "calling.call.detect", "finished", "error")
    {
    }

    protected override bool Completes(RelayEvent relayEvent) =>
        relayEvent?.EventType == EventType && (relayEvent.Params["detect"] is JsonObject { Count: > 0 } || base.Completes(relayEvent));
}
