namespace SignalWire.Relay;

/// <summary>
/// Where and as whom the RELAY client connects. Unset values come from <c>SIGNALWIRE_PROJECT_ID</c>,
/// <c>SIGNALWIRE_API_TOKEN</c>, <c>SIGNALWIRE_SPACE</c> and <c>SIGNALWIRE_RELAY_CONTEXTS</c> (comma-separated). The
/// token never appears in <see cref="ToString"/>, logs or exceptions.
/// </summary>
public sealed class RelayOptions
{
    /// <summary>The project id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The API token (or use <see cref="JwtToken"/>).</summary>
    public string? ApiToken { get; set; }

    /// <summary>A JWT instead of project and token.</summary>
    public string? JwtToken { get; set; }

    /// <summary>The space host (<c>example.signalwire.com</c>, or <c>example</c>), or a full <c>wss://</c> / <c>ws://</c> URL (proxies, tests).</summary>
    public string? Space { get; set; }

    /// <summary>The contexts inbound calls and messages arrive on.</summary>
    public IList<string> Contexts { get; } = [];

    /// <summary>How long a request waits for its answer (default 10 s); a request that times out also reconnects the socket.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnect delay; it doubles up to <see cref="MaxReconnectDelay"/> (default 1 s).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect delay (default 30 s).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the client pings the server; three failed pings reconnect (default 30 s).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The client name sent in the handshake.</summary>
    public string Agent { get; set; } = "signalwire-dotnet-relay/1.0";

    /// <summary>Fills unset values from the SIGNALWIRE_* variables read through <paramref name="environment"/>.</summary>
    public RelayOptions WithEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ProjectId ??= Blank(environment("SIGNALWIRE_PROJECT_ID"));
        ApiToken ??= Blank(environment("SIGNALWIRE_API_TOKEN"));
        Space ??= Blank(environment("SIGNALWIRE_SPACE"));
        if (Contexts.Count == 0 && Blank(environment("SIGNALWIRE_RELAY_CONTEXTS")) is { } contexts)
        {
            foreach (var context in contexts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Contexts.Add(context);
            }
        }

        return this;
    }

    /// <summary>The WebSocket address: a <c>ws(s)://</c> <see cref="Space"/> as given, else <c>wss://&lt;space host&gt;</c>.</summary>
    /// <exception cref="RelayConfigurationException">No space, or not a host.</exception>
    public Uri ResolveAddress()
    {
        var space = Space?.Trim() ?? throw new RelayConfigurationException("Set Space (or SIGNALWIRE_SPACE).");
        if (Uri.TryCreate(space, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss")
        {
            return url;
        }

        return SignalWire.Agents.Configuration.SignalWireSpace.ToHost(space) is { } host
            ? new Uri("wss://" + host)
            : throw new RelayConfigurationException($"Space '{space}' is not a host name or a ws(s):// URL.");
    }

    /// <summary>Checks the options; the message names what is missing, never a value.</summary>
    /// <exception cref="RelayConfigurationException">Something is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(JwtToken) && (string.IsNullOrWhiteSpace(ProjectId) || string.IsNullOrWhiteSpace(ApiToken)))
        {
            throw new RelayConfigurationException("Set ProjectId and ApiToken (or SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN), or JwtToken.");
        }

        _ = ResolveAddress();
        if (RequestTimeout <= TimeSpan.Zero || ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay || PingInterval <= TimeSpan.Zero)
        {
            throw new RelayConfigurationException("RequestTimeout, ReconnectDelay and PingInterval must be positive, and MaxReconnectDelay at least ReconnectDelay.");
        }
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"RelayOptions {{ ProjectId = {ProjectId}, Space = {Space}, Contexts = [{string.Join(", ", Contexts)}], ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "(none)" : "***")}, JwtToken = {(string.IsNullOrEmpty(JwtToken) ? "(none)" : "***")} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
