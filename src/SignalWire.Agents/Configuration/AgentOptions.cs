namespace SignalWire.Agents;

/// <summary>
/// Settings an agent author chooses in code. Every value left <see langword="null"/> falls back to the
/// environment (the <c>SWML_*</c> and <c>SIGNALWIRE_*</c> variables) and then to a safe default; see
/// <see cref="AgentSettings.Resolve(AgentOptions, Func{string, string?})"/>.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>The agent's name, used in logs, the start-up banner and the default prompt.</summary>
    public string Name { get; set; } = "agent";

    /// <summary>The route the agent is served under (default <c>/</c>); <c>/swaig</c> and <c>/post_prompt</c> hang below it.</summary>
    public string Route { get; set; } = "/";

    /// <summary>Address to bind; default <c>0.0.0.0</c> (all interfaces).</summary>
    public string? Host { get; set; }

    /// <summary>Port to bind; default the <c>PORT</c> variable, else 3000. Zero picks a free port.</summary>
    public int? Port { get; set; }

    /// <summary>Basic Auth user name; default <c>SWML_BASIC_AUTH_USER</c>, else <c>signalwire</c>.</summary>
    public string? BasicAuthUser { get; set; }

    /// <summary>Basic Auth password; default <c>SWML_BASIC_AUTH_PASSWORD</c>, else a random password generated at start.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>
    /// Secret that signs the per-function tokens of secure tools; default <c>SIGNALWIRE_SWAIG_SECRET</c>.
    /// Without one a random secret is made per process, so tokens neither survive a restart nor validate on another replica.
    /// </summary>
    public string? SwaigSecret { get; set; }

    /// <summary>How long a secure tool's token stays valid; default one hour.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>Public base URL of the agent (e.g. <c>https://agent.example.com</c>) when it runs behind a proxy; default <c>SWML_PROXY_URL_BASE</c>.</summary>
    public Uri? ProxyUrlBase { get; set; }

    /// <summary>Honour <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c> when building webhook URLs; default <c>SWML_TRUST_PROXY_HEADERS</c>, else off.</summary>
    public bool? TrustProxyHeaders { get; set; }

    /// <summary>Serve HTTPS; default <c>SWML_SSL_ENABLED</c>, else off.</summary>
    public bool? SslEnabled { get; set; }

    /// <summary>PEM certificate (chain) file; default <c>SWML_SSL_CERT_PATH</c>.</summary>
    public string? SslCertificatePath { get; set; }

    /// <summary>PEM private key file; default <c>SWML_SSL_KEY_PATH</c>.</summary>
    public string? SslKeyPath { get; set; }

    /// <summary>Host name put in webhook URLs when HTTPS is on; default <c>SWML_DOMAIN</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>Largest accepted request body in bytes; default <c>SWML_MAX_REQUEST_SIZE</c>, else 1 MiB.</summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>Emit the <c>answer</c> verb before the AI starts (default <see langword="true"/>).</summary>
    public bool AutoAnswer { get; set; } = true;
}
