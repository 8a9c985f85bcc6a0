namespace SignalWire.Agents.Security;

/// <summary>Which configured value a presented credential matched.</summary>
public enum CredentialMatch
{
    /// <summary>Neither: refused.</summary>
    None,

    /// <summary>The current value.</summary>
    Current,

    /// <summary>The value being rotated out, while it is still accepted.</summary>
    Previous,
}
