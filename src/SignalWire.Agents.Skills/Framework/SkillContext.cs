using System.Text.Json.Nodes;
using SignalWire.Agents.Json;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Skills;

/// <summary>What a skill may add to its agent while it is being added; everything added is recorded so removing the skill removes it.</summary>
public sealed class SkillContext
{
    private readonly SkillBase _skill;
    private readonly List<string> _tools = [];

    internal SkillContext(AgentBase agent, SkillBase skill)
    {
        Agent = agent;
        _skill = skill;
    }

    /// <summary>The agent the skill is added to.</summary>
    public AgentBase Agent { get; }

    internal IReadOnlyList<string> Tools => _tools;

    /// <summary>Whether prompt sections are wanted (<c>skip_prompt</c> is not set).</summary>
    public bool WantsPrompt => _skill.Parameters.GetBoolean("skip_prompt") != true;

    /// <summary>Defines a tool, with the skill's <c>swaig_fields</c> merged into its options' metadata where not set.</summary>
    public void DefineTool(string name, string description, JsonObject? parameters, ToolHandler handler, ToolOptions? options = null)
    {
        Agent.DefineTool(name, description, parameters, handler, WithSwaigFields(options ?? new ToolOptions()));
        _tools.Add(name);
    }

    /// <summary>Defines a DataMap tool (it runs on the platform).</summary>
    public void DefineDataMapTool(DataMaps.DataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        Agent.DefineDataMapTool(map);
        _tools.Add(map.Name);
    }

    /// <summary>Adds speech-recognition hints.</summary>
    public void AddHints(params string[] hints) => Agent.AddHints(hints);

    /// <summary>Adds a prompt section, unless <c>skip_prompt</c> is set.</summary>
    /// <exception cref="AgentConfigurationException">The agent uses raw prompt text, which cannot take sections.</exception>
    public void AddPromptSection(string title, string? body = null, IEnumerable<string>? bullets = null)
    {
        if (!WantsPrompt)
        {
            return;
        }

        try
        {
            Agent.PromptAddSection(title, body, bullets);
        }
        catch (InvalidOperationException ex)
        {
            throw new AgentConfigurationException($"Skill '{_skill.Name}' adds the prompt section '{title}', but the agent uses prompt text; add the skill with \"skip_prompt\": true, or use prompt sections.", ex);
        }
    }

    /// <summary>Merges keys into the agent's global data.</summary>
    public void SetGlobalData(JsonObject data) => Agent.SetGlobalData(data);

    /// <summary>Sets this instance's own state in global data (under <see cref="SkillBase.StateKey"/>).</summary>
    public void SetState(JsonObject state) => Agent.SetGlobalData(new JsonObject { [_skill.StateKey] = state.DeepClone() });

    private ToolOptions WithSwaigFields(ToolOptions options)
    {
        if (_skill.Parameters["swaig_fields"] is not JsonObject fields || fields.Count == 0)
        {
            return options;
        }

        // The skill's SWAIG fields fill what the tool leaves unset: secure, metadata and its token.
        var meta = options.MetaData is null ? new JsonObject() : (JsonObject)options.MetaData.DeepClone();
        foreach (var (key, value) in fields["meta_data"] as JsonObject ?? [])
        {
            meta.TryAdd(key, value?.DeepClone());
        }

        return options with
        {
            Secure = options.Secure || fields.GetBoolean("secure") == true,
            MetaData = meta.Count > 0 ? meta : null,
            MetaDataToken = options.MetaDataToken ?? fields.GetString("meta_data_token"),
        };
    }
}
