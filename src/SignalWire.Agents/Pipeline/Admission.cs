namespace SignalWire.Agents.Pipeline;

/// <summary>What <see cref="AgentPipeline.AdmitAsync(string?, System.Net.IPAddress?, string, string, CancellationToken)"/> decided about a request's client and credentials.</summary>
public enum Admission
{
    /// <summary>Valid credentials, within limits: go on.</summary>
    Admitted,

    /// <summary>Missing or wrong credentials (401).</summary>
    Unauthorized,

    /// <summary>The client is over the per-IP ceiling (429).</summary>
    TooManyRequests,

    /// <summary>The client failed to log in too often and is blocked for now, even with correct credentials (429).</summary>
    LockedOut,
}
