namespace SignalWire.Agents.Security;

/// <summary>Outcome of checking a secure tool's token.</summary>
public enum TokenCheck
{
    /// <summary>The token is genuine, unexpired and bound to this function and call.</summary>
    Valid,

    /// <summary>No token was presented.</summary>
    Missing,

    /// <summary>The token is not in the expected format.</summary>
    Malformed,

    /// <summary>The signature does not match: forged, or minted for another function, call or agent.</summary>
    Invalid,

    /// <summary>The token is genuine but its lifetime has passed.</summary>
    Expired,
}
