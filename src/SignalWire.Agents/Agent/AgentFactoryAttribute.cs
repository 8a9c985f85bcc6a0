namespace SignalWire.Agents;

/// <summary>
/// Marks a public static method without parameters, or a public static property, that returns a ready
/// <see cref="AgentBase"/>, or an agent server (<c>AgentServer</c>) whose agents <c>swaig-test --route</c> picks.
/// Tools that load agents from an assembly (such as <c>swaig-test</c>) use it when the agent needs constructor
/// arguments or set-up that a parameterless constructor cannot give.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class AgentFactoryAttribute : Attribute
{
    /// <summary>The name tools list the agent under; default the member's name.</summary>
    public string? Name { get; init; }
}
