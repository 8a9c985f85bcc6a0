namespace SignalWire.Relay.Calling;

/// <summary>Where a call is in its life.</summary>
public enum CallState
{
    /// <summary>Created, not yet ringing.</summary>
    Created,

    /// <summary>Ringing.</summary>
    Ringing,

    /// <summary>Answered: media flows.</summary>
    Answered,

    /// <summary>Hanging up.</summary>
    Ending,

    /// <summary>Over (see <see cref="RelayCall.EndReason"/>).</summary>
    Ended,
}
