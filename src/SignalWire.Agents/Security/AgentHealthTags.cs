namespace SignalWire.Agents.Security;

/// <summary>Tags of the health checks the SDK and its packages register, shared by every host.</summary>
public static class AgentHealthTags
{
    /// <summary>The checks <c>/ready</c> runs (a store, an agent server's agents); <c>/health</c> runs none.</summary>
    public const string Ready = "ready";
}
