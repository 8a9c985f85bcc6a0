namespace SignalWire.Agents;

/// <summary>Where a setting's value came from.</summary>
public enum CredentialSource
{
    /// <summary>Set in code through <see cref="AgentOptions"/>.</summary>
    Options,

    /// <summary>Read from an environment variable.</summary>
    Environment,

    /// <summary>Generated at start-up because nothing was configured.</summary>
    Generated,
}
