namespace SignalWire.Agents.Skills;

/// <summary>Whose address a request goes to, which decides the client and its guard.</summary>
public enum SkillHttpTarget
{
    /// <summary>A service the agent's operator configured (an API's base URL): retries and a circuit breaker per host, no address restriction.</summary>
    Service,

    /// <summary>
    /// A configured service whose answers take long (a language model, a remote tool): one attempt within
    /// <see cref="SkillHttpOptions.SlowTimeout"/>, never retried.
    /// </summary>
    SlowService,

    /// <summary>A URL the caller, the AI or a web page supplied: only public addresses (the SSRF guard), no retries.</summary>
    Untrusted,
}
