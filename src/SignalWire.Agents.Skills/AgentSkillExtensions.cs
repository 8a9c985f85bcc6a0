using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>Adding, listing and removing skills on an agent.</summary>
public static class AgentSkillExtensions
{
    /// <summary>
    /// Adds the registered skill <paramref name="name"/>, first letting it prepare over the network (the
    /// <c>mcp_gateway</c> skill discovers its tools this way). Works for every skill.
    /// </summary>
    /// <exception cref="AgentConfigurationException">As for <see cref="AddSkill(AgentBase, string, JsonObject?)"/>, or the preparation failed.</exception>
    public static Task<AgentBase> AddSkillAsync(this AgentBase agent, string name, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.AddSkillAsync(SkillRegistry.Create(name), parameters, cancellationToken);
    }

    /// <summary>Adds <paramref name="skill"/>, first letting it prepare over the network.</summary>
    /// <exception cref="AgentConfigurationException">As for <see cref="AddSkill(AgentBase, SkillBase, JsonObject?)"/>, or the preparation failed.</exception>
    public static async Task<AgentBase> AddSkillAsync(this AgentBase agent, SkillBase skill, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(skill);
        skill.Accept(parameters);
        try
        {
            await skill.PrepareAsync(agent.GetSkillHttp(), cancellationToken).ConfigureAwait(false);
        }
        catch (SkillHttpException ex)
        {
            throw new AgentConfigurationException($"Skill '{skill.Name}' could not prepare: {ex.Message}", ex);
        }

        skill.Prepared = true;
        return agent.AddSkill(skill);
    }

    /// <summary>Adds the registered skill <paramref name="name"/> with <paramref name="parameters"/> (as a configuration file gives them).</summary>
    /// <exception cref="AgentConfigurationException">No such skill, a parameter is missing or mistyped, or the skill is already added.</exception>
    public static AgentBase AddSkill(this AgentBase agent, string name, JsonObject? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.AddSkill(SkillRegistry.Create(name), parameters);
    }

    /// <summary>Adds a skill of type <typeparamref name="TSkill"/>, configured in code (<c>o => o.ApiKey = ...</c>).</summary>
    /// <exception cref="AgentConfigurationException">A parameter is missing or invalid, or the skill is already added.</exception>
    public static AgentBase AddSkill<TSkill>(this AgentBase agent, Action<TSkill>? configure = null)
        where TSkill : SkillBase, new()
    {
        var skill = new TSkill();
        configure?.Invoke(skill);
        return agent.AddSkill(skill);
    }

    /// <summary>
    /// Adds <paramref name="skill"/>: its parameters are validated, then it adds its tools, hints, prompt sections and
    /// global data. A failure leaves the agent without any of the skill's tools.
    /// </summary>
    /// <exception cref="AgentConfigurationException">A parameter is missing or invalid, or the skill (instance) is already added.</exception>
    public static AgentBase AddSkill(this AgentBase agent, SkillBase skill, JsonObject? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(skill);
        skill.Accept(parameters);
        if (skill.NeedsPreparation && !skill.Prepared)
        {
            throw new AgentConfigurationException($"Skill '{skill.Name}' prepares over the network; add it with AddSkillAsync.");
        }

        var loaded = agent.GetOrAddComponent(() => new LoadedSkills());
        lock (loaded.Gate)
        {
            if (loaded.Contains(skill.InstanceKey))
            {
                throw new AgentConfigurationException(skill.SupportsMultipleInstances
                    ? $"Skill '{skill.Name}' already has an instance with tool_name '{skill.ToolName}'; give each instance its own tool_name."
                    : $"Skill '{skill.Name}' is already added and supports one instance per agent.");
            }

            var context = new SkillContext(agent, skill);
            try
            {
                skill.Register(context);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or AgentConfigurationException)
            {
                foreach (var tool in context.Tools)
                {
                    agent.RemoveTool(tool);
                }

                throw ex as AgentConfigurationException ?? new AgentConfigurationException($"Skill '{skill.Name}': {ex.Message}", ex);
            }

            loaded.Add(skill.InstanceKey, skill, context.Tools);
        }

        return agent;
    }

    /// <summary>Whether the agent holds skill instance <paramref name="instanceKey"/> (a skill's name, or <c>name_tool</c> for multi-instance skills).</summary>
    public static bool HasSkill(this AgentBase agent, string instanceKey)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(instanceKey);
        return agent.GetComponent<LoadedSkills>()?.Contains(instanceKey) ?? false;
    }

    /// <summary>The agent's skill instances, by instance key.</summary>
    public static IReadOnlyList<SkillBase> ListSkills(this AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.GetComponent<LoadedSkills>()?.List() ?? [];
    }

    /// <summary>
    /// Removes skill instance <paramref name="instanceKey"/> and the tools it defined (hints, prompt sections and global
    /// data it added stay: they may be shared with the agent's own). <see langword="false"/> when it was not added.
    /// </summary>
    public static bool RemoveSkill(this AgentBase agent, string instanceKey)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(instanceKey);
        if (agent.GetComponent<LoadedSkills>() is not { } loaded || !loaded.Remove(instanceKey, out var entry))
        {
            return false;
        }

        foreach (var tool in entry.Tools)
        {
            agent.RemoveTool(tool);
        }

        if (!agent.IsRequestCopy)
        {
            // A request copy shares the instance with the agent, which still uses it.
            entry.Skill.Cleanup();
        }

        return true;
    }
}
