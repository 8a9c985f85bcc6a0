namespace SignalWire.Rest.Messaging;

/// <summary>A message to send: <see cref="Body"/>, <see cref="Media"/> or both.</summary>
/// <param name="From">Your number (E.164) or sender.</param>
/// <param name="To">The recipient (E.164).</param>
public sealed record SendMessageRequest(string From, string To)
{
    /// <summary>The text.</summary>
    public string? Body { get; init; }

    /// <summary>Media URLs (sends an MMS).</summary>
    public IReadOnlyList<string>? Media { get; init; }

    /// <summary>Send as MMS even without media.</summary>
    public bool? SendAsMms { get; init; }

    /// <summary>Where delivery status changes are posted.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>Your own values, echoed in status callbacks.</summary>
    public IReadOnlyDictionary<string, string>? CustomVariables { get; init; }
}
