using SignalWire.Agents.Tools;

namespace SignalWire.Agents;

/// <summary>
/// A SignalWire voice AI agent: its prompt, languages, AI parameters and tools. Derive from it (or
/// create one and configure it) and host it with <c>agent.Run()</c> or <c>app.MapAgent(agent)</c>.
/// </summary>
/// <remarks>
/// Configuration methods are safe to call while documents are being rendered on other threads:
/// each render reads a consistent snapshot.
/// </remarks>
public partial class AgentBase
{
    private readonly Lock _gate = new();
    private readonly Lazy<AgentSettings> _settings;

    /// <summary>Everything the agent is configured with; replaced only in a per-request copy's constructor.</summary>
    private readonly AgentDefinition _state = new();

    /// <summary>Creates an agent.</summary>
    public AgentBase(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _settings = new Lazy<AgentSettings>(() => AgentSettings.Resolve(Options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options the agent was created with.</summary>
    public AgentOptions Options { get; }

    /// <summary>The agent's name.</summary>
    public string Name => Options.Name;

    /// <summary>
    /// The resolved configuration (options, then environment, then defaults), computed on first use and
    /// then fixed for the life of the agent, so generated credentials stay stable.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The configuration is unusable.</exception>
    public AgentSettings Settings => _settings.Value;

    /// <summary>Whether <see cref="Settings"/> has been resolved (after which changes to <see cref="Options"/> no longer apply).</summary>
    public bool SettingsResolved => _settings.IsValueCreated;

    /// <summary>The agent's tools.</summary>
    public ToolRegistry Tools => _state.Tools;

}
