using SignalWire.Agents.Contexts;

namespace SignalWire.Agents;

/// <summary>Structured workflows: contexts and steps inside the prompt.</summary>
public partial class AgentBase
{

    /// <summary>
    /// Defines the agent's contexts and steps (<c>ai.prompt.contexts</c>). The workflow is validated now;
    /// the tools its steps name are checked against the agent's tools when it renders (and at start-up, see
    /// <see cref="ValidateConfiguration"/>), so tools may be defined before or after. Later changes to the
    /// builder are not seen: call this again instead.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The workflow is invalid.</exception>
    public AgentBase DefineContexts(Action<ContextBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ContextBuilder();
        configure(builder);
        return DefineContexts(builder);
    }

    /// <inheritdoc cref="DefineContexts(Action{ContextBuilder})"/>
    public AgentBase DefineContexts(ContextBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var snapshot = builder.Snapshot();
        return Mutate(() => _state.Contexts = snapshot);
    }

    /// <summary>Removes the contexts.</summary>
    public AgentBase ClearContexts() => Mutate(() => _state.Contexts = null);

    /// <summary>Whether contexts are defined.</summary>
    public bool HasContexts => Volatile.Read(ref _state.Contexts) is not null;

    /// <summary>
    /// Checks now what would otherwise fail on the first request: the contexts' tool references against the
    /// defined tools, and everything that goes into the document. Hosting calls it at start-up.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The configuration cannot render.</exception>
    public void ValidateConfiguration() => GetStaticParts();
}
