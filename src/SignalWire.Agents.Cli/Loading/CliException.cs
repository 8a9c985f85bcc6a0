namespace SignalWire.Agents.Cli.Loading;

/// <summary>A failure the user can fix (missing file, unknown agent or tool, bad argument): printed without a stack trace, exit code 1.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CliException()
    {
    }
}
