namespace SignalWire.Agents;

/// <summary>
/// State a package keeps on an agent (the skills loaded on it, say), held in the agent's definition so that a
/// per-request copy carries it: the copy sees what the agent holds, and what a request changes stays in its copy.
/// </summary>
public interface IAgentComponent
{
    /// <summary>A copy for a per-request copy of the agent, sharing nothing mutable with this one.</summary>
    IAgentComponent Clone();
}
