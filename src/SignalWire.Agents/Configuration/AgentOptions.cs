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

    /// <summary>
    /// The token secret being rotated out; default <c>SIGNALWIRE_SWAIG_SECRET_PREVIOUS</c>. Tokens minted with it
    /// keep validating until they expire; new ones use <see cref="SwaigSecret"/>. Remove it once the longest
    /// token lifetime has passed.
    /// </summary>
    public string? PreviousSwaigSecret { get; set; }

    /// <summary>The Basic Auth password being rotated out, still accepted with the same user name; default <c>SWML_BASIC_AUTH_PASSWORD_PREVIOUS</c>.</summary>
    public string? PreviousBasicAuthPassword { get; set; }

    /// <summary>The webhook signing key being rotated out, still accepted; default <c>SIGNALWIRE_SIGNING_KEY_PREVIOUS</c>.</summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>When <see cref="PreviousSwaigSecret"/> stops being accepted, even if it is still set; default <c>SIGNALWIRE_SWAIG_SECRET_PREVIOUS_UNTIL</c> (ISO 8601), else until it is removed.</summary>
    public DateTimeOffset? PreviousSwaigSecretUntil { get; set; }

    /// <summary>When <see cref="PreviousBasicAuthPassword"/> stops being accepted, even if it is still set; default <c>SWML_BASIC_AUTH_PASSWORD_PREVIOUS_UNTIL</c> (ISO 8601), else until it is removed.</summary>
    public DateTimeOffset? PreviousBasicAuthPasswordUntil { get; set; }

    /// <summary>When <see cref="PreviousSigningKey"/> stops being accepted, even if it is still set; default <c>SIGNALWIRE_SIGNING_KEY_PREVIOUS_UNTIL</c> (ISO 8601), else until it is removed.</summary>
    public DateTimeOffset? PreviousSigningKeyUntil { get; set; }

    /// <summary>How long a secure tool's token stays valid; default one hour.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>Public base URL of the agent (e.g. <c>https://agent.example.com</c>) when it runs behind a proxy; default <c>SWML_PROXY_URL_BASE</c>.</summary>
    public Uri? ProxyUrlBase { get; set; }

    /// <summary>
    /// Honour <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> from trusted proxies (<see cref="TrustedProxies"/>,
    /// else loopback): the client address then keys lockouts and per-IP limits, and the forwarded scheme and
    /// host build webhook URLs. Default <c>SWML_TRUST_PROXY_HEADERS</c>, else on when proxies are listed.
    /// </summary>
    public bool? TrustProxyHeaders { get; set; }

    /// <summary>
    /// The proxies whose forwarded headers are trusted: IP addresses or CIDR networks
    /// (<c>10.0.0.0/8</c>); default <c>SWML_TRUSTED_PROXIES</c> (comma-separated), else loopback only.
    /// </summary>
    public IReadOnlyList<string>? TrustedProxies { get; set; }

    /// <summary>Most connections served at once (further ones are closed); default <c>SWML_MAX_CONNECTIONS</c>, else 4096.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>How long an idle connection is kept open; default <c>SWML_KEEP_ALIVE_TIMEOUT</c> (seconds), else 30 s.</summary>
    public TimeSpan? KeepAliveTimeout { get; set; }

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

    /// <summary>Start in emergency mode (secure and sensitive tools refuse to run); default <c>AGENT_EMERGENCY_MODE</c>.</summary>
    public bool? EmergencyMode { get; set; }

    /// <summary>
    /// Key that checks <c>X-SignalWire-Signature</c> on every webhook request (<c>GET /</c> included); default
    /// <c>SIGNALWIRE_SIGNING_KEY</c>. Unset: no signature check. Set, it needs <see cref="ProxyUrlBase"/> or
    /// <see cref="AllowedHosts"/>, so that the public URL the platform signed is known.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Accept a compat-style (base64) signature computed over the URL alone for a request with a body. The
    /// reference SDKs accept it, but it leaves the body unauthenticated; default off.
    /// </summary>
    public bool AllowSignatureWithoutBody { get; set; }

    /// <summary>Failed Basic Auth attempts allowed per client IP per minute before the IP is refused with 429; default <c>SWML_AUTH_FAILURE_LIMIT</c>, else 20.</summary>
    public int? AuthFailureLimit { get; set; }

    /// <summary>Opt-in ceiling of requests per client IP per minute; default <c>SWML_RATE_LIMIT</c>, else none.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>Accept each secure-tool token once (replay protection); default <c>SWML_ONE_TIME_TOKENS</c>, else off.</summary>
    public bool? OneTimeTokens { get; set; }

    /// <summary>
    /// Where the audit trail is written as JSON lines (batched, off the request path): a file path,
    /// <c>-</c> for standard output, or <c>none</c> (the events then reach only the logger, category
    /// <c>SignalWire.Agents.Audit</c>). Default <c>SWML_AUDIT_LOG_PATH</c>, else standard output.
    /// </summary>
    public string? AuditLogPath { get; set; }

    /// <summary>Argument names redacted from the audit log in addition to the defaults (password, pin, ssn, card numbers, tokens, ...).</summary>
    public IReadOnlyCollection<string>? SensitiveKeys { get; set; }

    /// <summary>
    /// Where tool results may send calls and text messages (countries, prefixes, SIP domains, transfer hosts) and
    /// how many per call; unset values come from the <c>SWML_*</c> variables. Without any, premium-rate and other
    /// high-cost numbers are refused and each call may make 5 transfers and send 5 messages.
    /// </summary>
    public global::SignalWire.Agents.Destinations.DestinationPolicy? Destinations { get; set; }

    /// <summary>
    /// New inbound calls one caller number may place per <see cref="CallsPerCallerWindow"/> (SWML fetches of calls not
    /// seen before); a call over the limit is hung up (busy) and audited. Default <c>SWML_CALLS_PER_CALLER</c>, else 30;
    /// 0 turns it off.
    /// </summary>
    public int? CallsPerCaller { get; set; }

    /// <summary>The window of <see cref="CallsPerCaller"/>; default <c>SWML_CALLS_PER_CALLER_WINDOW</c> (seconds), else one hour.</summary>
    public TimeSpan? CallsPerCallerWindow { get; set; }

    /// <summary>New inbound calls without a usable caller number per window, counted together; 0 for no limit. Default <c>SWML_CALLS_WITHOUT_CALLER_NUMBER</c>, else 100.</summary>
    public int? CallsWithoutCallerNumber { get; set; }

    /// <summary>Longest a request may take; default <c>SWML_REQUEST_TIMEOUT</c> (seconds), else 30 s.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>Send <c>Strict-Transport-Security</c> when serving HTTPS; default <c>SWML_USE_HSTS</c>, else on.</summary>
    public bool? UseHsts { get; set; }

    /// <summary>HSTS max-age in seconds; default <c>SWML_HSTS_MAX_AGE</c>, else one year.</summary>
    public int? HstsMaxAge { get; set; }

    /// <summary>
    /// Host names the agent answers to (others get 400), exact or <c>*.example.com</c>; default
    /// <c>SWML_ALLOWED_HOSTS</c> (comma-separated), else any. A lone <c>*</c> means any.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts { get; set; }

    /// <summary>Origins allowed by CORS; default <c>SWML_CORS_ORIGINS</c> (comma-separated), else CORS is off. A lone <c>*</c> allows any origin.</summary>
    public IReadOnlyList<string>? CorsOrigins { get; set; }

    /// <summary>
    /// Check every SWML document the agent serves against the official SWML schema (vendored with the SDK) and
    /// log a warning naming each failing JSON path; the document is still served. Default: on when the host's
    /// environment is Development, off otherwise (a check costs a few milliseconds of CPU per document).
    /// </summary>
    public bool? ValidateSwml { get; set; }

    /// <summary>
    /// The agent's clock: token expiry, rate-limit windows, single-use records and the call memory all read it
    /// (the agent then keeps its own in-memory limit and single-use stores; a shared store such as Redis keeps its
    /// own time). Default: the host's registered <see cref="System.TimeProvider"/> for windows and records, the
    /// system clock for tokens. Set it (to a fake clock in tests, say) to drive every time-dependent gate from one clock.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }
}
