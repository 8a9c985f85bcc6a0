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

    /// <summary>
    /// Print the start-up banner (URL, user name and a generated password) to the console once the server
    /// listens; default on. Tools that host an agent in-process (such as <c>swaig-test</c>) turn it off.
    /// </summary>
    public bool StartupBanner { get; set; } = true;
}
