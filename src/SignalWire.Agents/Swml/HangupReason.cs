
namespace SignalWire.Agents.Swml;

/// <summary>Why a call is hung up.</summary>
public enum HangupReason
{
    /// <summary>A normal hang-up.</summary>
    Hangup,

    /// <summary>Busy.</summary>
    Busy,

    /// <summary>Declined.</summary>
    Decline,
}
