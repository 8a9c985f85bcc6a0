namespace SignalWire.Agents.Testing;

/// <summary>Fluent tweaks of test options.</summary>
public static class AgentOptionsTestExtensions
{
    /// <summary>Applies <paramref name="change"/> and returns the same options.</summary>
    public static AgentOptions With(this AgentOptions options, Action<AgentOptions> change)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(change);
        change(options);
        return options;
    }
}
