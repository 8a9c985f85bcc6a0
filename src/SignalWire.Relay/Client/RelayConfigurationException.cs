namespace SignalWire.Relay;

/// <summary>The RELAY options cannot connect (missing credentials or space).</summary>
public sealed class RelayConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RelayConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RelayConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RelayConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
