namespace SignalWire.Agents.Skills;

/// <summary>Why an outbound request failed.</summary>
public enum SkillHttpFailure
{
    /// <summary>The service answered with an error status.</summary>
    Status,

    /// <summary>No answer within the time allowed.</summary>
    Timeout,

    /// <summary>The address is not one a fetched URL may reach (the SSRF guard), or the URL is not http(s).</summary>
    Refused,

    /// <summary>The body is larger than <see cref="SkillHttpOptions.MaxResponseBytes"/>.</summary>
    TooLarge,

    /// <summary>The body is not what was expected (not JSON, say).</summary>
    Malformed,

    /// <summary>The connection failed (DNS, refused, reset, TLS).</summary>
    Network,
}
