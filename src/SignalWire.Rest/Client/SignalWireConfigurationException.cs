namespace SignalWire.Rest;

/// <summary>The client's options cannot make requests (a missing project, token or space).</summary>
public sealed class SignalWireConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SignalWireConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SignalWireConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SignalWireConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
