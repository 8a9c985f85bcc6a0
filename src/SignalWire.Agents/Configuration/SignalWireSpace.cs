namespace SignalWire.Agents.Configuration;

/// <summary>How a SignalWire space is named (<c>SIGNALWIRE_SPACE</c>): a bare name stands for <c>&lt;name&gt;.signalwire.com</c>.</summary>
public static class SignalWireSpace
{
    /// <summary>The space's host (<c>example</c> → <c>example.signalwire.com</c>; a name with a dot is taken as a host), or <see langword="null"/> when it is not a host name.</summary>
    public static string? ToHost(string space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var trimmed = space.Trim();
        var host = trimmed.Contains('.', StringComparison.Ordinal) ? trimmed : trimmed + ".signalwire.com";
        return Uri.CheckHostName(host) == UriHostNameType.Dns ? host : null;
    }
}
