namespace SignalWire.Agents.AspNetCore;

/// <summary>How the agents of this process are deployed.</summary>
public sealed class AgentHostingOptions
{
    /// <summary>
    /// Several replicas serve the same agents behind a load balancer (set by <c>AddSignalWireRedis</c>).
    /// Then every per-process secret would break the others, so start-up refuses a generated token secret
    /// or a generated Basic Auth password.
    /// </summary>
    public bool MultiReplica { get; set; }
}
