namespace SignalWire.Agents;

/// <summary>Raised at start-up when the agent's options or environment cannot produce a safe configuration.</summary>
public sealed class AgentConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong and how to fix it.</summary>
    public AgentConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public AgentConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
