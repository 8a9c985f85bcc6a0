using System.Runtime.CompilerServices;

namespace SignalWire.Agents.Skills;

/// <summary>Which <see cref="SkillHttp"/> an agent's skills use.</summary>
public static class AgentSkillHttpExtensions
{
    private static readonly ConditionalWeakTable<AgentBase, SkillHttp> HttpClients = [];

    /// <summary>Gives the agent's skills <paramref name="http"/> for their outbound requests (for example the one registered with <see cref="SkillHttpServiceCollectionExtensions.AddSignalWireSkillHttp"/>).</summary>
    public static AgentBase UseSkillHttp(this AgentBase agent, SkillHttp http)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(http);
        HttpClients.AddOrUpdate(agent, http);
        return agent;
    }

    /// <summary>The outbound HTTP the agent's skills use: the one given to <see cref="UseSkillHttp"/>, else <see cref="SkillHttp.Shared"/>.</summary>
    public static SkillHttp GetSkillHttp(this AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return HttpClients.TryGetValue(agent, out var http) ? http : SkillHttp.Shared;
    }
}
