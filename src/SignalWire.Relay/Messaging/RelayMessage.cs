using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay.Messaging;

/// <summary>An SMS or MMS sent or received over RELAY, with its delivery state.</summary>
public sealed class RelayMessage
{
    private readonly TaskCompletionSource<string> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RelayMessage(string id, string direction, string? from, string? to, string? body, IReadOnlyList<string> media, string state)
    {
        (Id, Direction, From, To, Body, Media, State) = (id, direction, from, to, body, media, state);
    }

    /// <summary>Raised when the delivery state changes.</summary>
    public event EventHandler<string>? StateChanged;

    /// <summary>The message id.</summary>
    public string Id { get; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string Direction { get; }

    /// <summary>The sender.</summary>
    public string? From { get; }

    /// <summary>The recipient.</summary>
    public string? To { get; }

    /// <summary>The text.</summary>
    public string? Body { get; }

    /// <summary>Media URLs.</summary>
    public IReadOnlyList<string> Media { get; }

    /// <summary><c>queued</c>, <c>initiated</c>, <c>sent</c>, <c>delivered</c>, <c>undelivered</c>, <c>failed</c> or <c>received</c>.</summary>
    public string State { get; private set; }

    /// <summary>Whether the state is final (delivered, undelivered, failed).</summary>
    public bool IsFinal => State is "delivered" or "undelivered" or "failed";

    /// <summary>Waits for a final state and returns it.</summary>
    public Task<string> WaitForFinalStateAsync(CancellationToken cancellationToken = default) => _final.Task.WaitAsync(cancellationToken);

    internal static RelayMessage Parse(JsonObject data, string direction)
    {
        var media = (data["media"] as JsonArray ?? []).Select(m => m is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null).OfType<string>().ToList();
        return new RelayMessage(data.GetString("message_id") ?? string.Empty, direction, data.GetString("from_number"), data.GetString("to_number"), data.GetString("body"), media, data.GetString("message_state") ?? "received");
    }

    internal void OnState(string state)
    {
        State = state;
        StateChanged?.Invoke(this, state);
        if (IsFinal)
        {
            _final.TrySetResult(state);
        }
    }
}
