namespace SignalWire.Agents.Skills;

/// <summary>
/// The skill instances loaded on one agent, with the tools each defined, kept in the agent's definition (an
/// <see cref="IAgentComponent"/>): a per-request copy sees the agent's skills, and adding or removing one there
/// changes only the copy.
/// </summary>
internal sealed class LoadedSkills : IAgentComponent
{
    private readonly Dictionary<string, (SkillBase Skill, IReadOnlyList<string> Tools)> _skills;

    public LoadedSkills()
        : this(new Dictionary<string, (SkillBase, IReadOnlyList<string>)>(StringComparer.Ordinal))
    {
    }

    private LoadedSkills(Dictionary<string, (SkillBase, IReadOnlyList<string>)> skills) => _skills = skills;

    /// <summary>Guards the instances; held while a skill registers, so two threads cannot add the same instance.</summary>
    public Lock Gate { get; } = new();

    public bool Contains(string instanceKey)
    {
        lock (Gate)
        {
            return _skills.ContainsKey(instanceKey);
        }
    }

    /// <summary>Records an instance; the caller holds <see cref="Gate"/>.</summary>
    public void Add(string instanceKey, SkillBase skill, IReadOnlyList<string> tools) => _skills.Add(instanceKey, (skill, tools));

    public bool Remove(string instanceKey, out (SkillBase Skill, IReadOnlyList<string> Tools) entry)
    {
        lock (Gate)
        {
            return _skills.Remove(instanceKey, out entry);
        }
    }

    public IReadOnlyList<SkillBase> List()
    {
        lock (Gate)
        {
            return [.. _skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.Skill)];
        }
    }

    /// <summary>The copy's own table of the same instances (skills hold configuration, not per-request state).</summary>
    public IAgentComponent Clone()
    {
        lock (Gate)
        {
            return new LoadedSkills(new Dictionary<string, (SkillBase, IReadOnlyList<string>)>(_skills, StringComparer.Ordinal));
        }
    }
}
