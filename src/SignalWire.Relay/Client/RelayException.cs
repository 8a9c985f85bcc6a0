namespace SignalWire.Relay;

/// <summary>
/// A RELAY request failed: the server answered with an error (<see cref="Code"/>: the JSON-RPC error code, or the
/// <c>calling.*</c> result code such as <c>"409"</c>), no answer came in time, or the connection was lost.
/// Messages never carry credentials.
/// </summary>
public sealed class RelayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RelayException(string message, string? code, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Creates the exception.</summary>
    public RelayException()
        : this("The RELAY request failed.", (string?)null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RelayException(string message)
        : this(message, (string?)null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RelayException(string message, Exception innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>The server's code, if it answered.</summary>
    public string? Code { get; }
}
