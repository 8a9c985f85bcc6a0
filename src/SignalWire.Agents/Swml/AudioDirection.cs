
namespace SignalWire.Agents.Swml;

/// <summary>Which audio a recording or tap takes.</summary>
public enum AudioDirection
{
    /// <summary>What the call sends (the far end hears).</summary>
    Speak,

    /// <summary>What the call receives.</summary>
    Listen,

    /// <summary>Both.</summary>
    Both,
}
