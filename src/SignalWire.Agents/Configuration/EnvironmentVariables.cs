namespace SignalWire.Agents;

/// <summary>Names of the environment variables the SDK reads.</summary>
public static class EnvironmentVariables
{
    /// <summary>Port to bind when none is set in code.</summary>
    public const string Port = "PORT";

    /// <summary>Basic Auth user name.</summary>
    public const string BasicAuthUser = "SWML_BASIC_AUTH_USER";

    /// <summary>Basic Auth password.</summary>
    public const string BasicAuthPassword = "SWML_BASIC_AUTH_PASSWORD";

    /// <summary>Public base URL used in every generated webhook URL.</summary>
    public const string ProxyUrlBase = "SWML_PROXY_URL_BASE";

    /// <summary>Whether <c>X-Forwarded-*</c> headers are trusted for webhook URLs.</summary>
    public const string TrustProxyHeaders = "SWML_TRUST_PROXY_HEADERS";

    /// <summary>Whether HTTPS is served.</summary>
    public const string SslEnabled = "SWML_SSL_ENABLED";

    /// <summary>PEM certificate path.</summary>
    public const string SslCertificatePath = "SWML_SSL_CERT_PATH";

    /// <summary>PEM key path.</summary>
    public const string SslKeyPath = "SWML_SSL_KEY_PATH";

    /// <summary>Host name for URLs when HTTPS is on.</summary>
    public const string Domain = "SWML_DOMAIN";

    /// <summary>Largest accepted request body in bytes.</summary>
    public const string MaxRequestSize = "SWML_MAX_REQUEST_SIZE";

    /// <summary>Secret for secure-tool tokens.</summary>
    public const string SwaigSecret = "SIGNALWIRE_SWAIG_SECRET";

    /// <summary>The token secret being rotated out: tokens minted with it keep validating until they expire.</summary>
    public const string PreviousSwaigSecret = "SIGNALWIRE_SWAIG_SECRET_PREVIOUS";

    /// <summary>The webhook signing key being rotated out, still accepted.</summary>
    public const string PreviousSigningKey = "SIGNALWIRE_SIGNING_KEY_PREVIOUS";

    /// <summary>The Basic Auth password being rotated out, still accepted (with the same user name).</summary>
    public const string PreviousBasicAuthPassword = "SWML_BASIC_AUTH_PASSWORD_PREVIOUS";

    /// <summary>When the previous token secret stops being accepted (ISO 8601, e.g. <c>2026-12-09T12:00:00Z</c>).</summary>
    public const string PreviousSwaigSecretUntil = "SIGNALWIRE_SWAIG_SECRET_PREVIOUS_UNTIL";

    /// <summary>When the previous signing key stops being accepted (ISO 8601).</summary>
    public const string PreviousSigningKeyUntil = "SIGNALWIRE_SIGNING_KEY_PREVIOUS_UNTIL";

    /// <summary>When the previous Basic Auth password stops being accepted (ISO 8601).</summary>
    public const string PreviousBasicAuthPasswordUntil = "SWML_BASIC_AUTH_PASSWORD_PREVIOUS_UNTIL";

    /// <summary>Start in emergency mode.</summary>
    public const string EmergencyMode = "AGENT_EMERGENCY_MODE";

    /// <summary>Webhook signing key.</summary>
    public const string SigningKey = "SIGNALWIRE_SIGNING_KEY";

    /// <summary>Failed authentications allowed per IP per minute.</summary>
    public const string AuthFailureLimit = "SWML_AUTH_FAILURE_LIMIT";

    /// <summary>Requests allowed per IP per minute (opt-in).</summary>
    public const string RateLimit = "SWML_RATE_LIMIT";

    /// <summary>One-time secure-tool tokens.</summary>
    public const string OneTimeTokens = "SWML_ONE_TIME_TOKENS";

    /// <summary>JSON-lines audit file.</summary>
    public const string AuditLogPath = "SWML_AUDIT_LOG_PATH";

    /// <summary>Request timeout in seconds.</summary>
    public const string RequestTimeout = "SWML_REQUEST_TIMEOUT";

    /// <summary>Whether HSTS is sent over HTTPS.</summary>
    public const string UseHsts = "SWML_USE_HSTS";

    /// <summary>HSTS max-age in seconds.</summary>
    public const string HstsMaxAge = "SWML_HSTS_MAX_AGE";

    /// <summary>Allowed host names.</summary>
    public const string AllowedHosts = "SWML_ALLOWED_HOSTS";

    /// <summary>Allowed CORS origins.</summary>
    public const string CorsOrigins = "SWML_CORS_ORIGINS";

    /// <summary>Proxies (IP addresses or CIDR networks, comma-separated) whose forwarded headers are trusted.</summary>
    public const string TrustedProxies = "SWML_TRUSTED_PROXIES";

    /// <summary>Most connections served at once.</summary>
    public const string MaxConnections = "SWML_MAX_CONNECTIONS";

    /// <summary>Seconds an idle connection is kept open.</summary>
    public const string KeepAliveTimeout = "SWML_KEEP_ALIVE_TIMEOUT";

    /// <summary>New inbound calls one caller number may place per window (0 turns the limit off; default 30).</summary>
    public const string CallsPerCaller = "SWML_CALLS_PER_CALLER";

    /// <summary>Seconds the per-caller call limit counts over (default 3600).</summary>
    public const string CallsPerCallerWindow = "SWML_CALLS_PER_CALLER_WINDOW";

    /// <summary>New inbound calls without a usable caller number allowed per window, all counted together (default 100; 0 for no limit).</summary>
    public const string CallsWithoutCallerNumber = "SWML_CALLS_WITHOUT_CALLER_NUMBER";

    /// <summary>Countries (ISO 3166 codes, comma-separated) tool results may dial or text.</summary>
    public const string AllowedCountries = "SWML_ALLOWED_COUNTRIES";

    /// <summary>E.164 prefixes (comma-separated) tool results may dial or text, besides the allowed countries.</summary>
    public const string AllowedNumberPrefixes = "SWML_ALLOWED_NUMBER_PREFIXES";

    /// <summary>E.164 prefixes (comma-separated) tool results may never dial or text.</summary>
    public const string DeniedNumberPrefixes = "SWML_DENIED_NUMBER_PREFIXES";

    /// <summary>SIP domains (comma-separated, <c>*.domain</c> allowed) tool results may connect or refer to.</summary>
    public const string AllowedSipDomains = "SWML_ALLOWED_SIP_DOMAINS";

    /// <summary>Hosts (comma-separated) a SWML transfer to a URL may reach.</summary>
    public const string AllowedTransferHosts = "SWML_ALLOWED_TRANSFER_HOSTS";

    /// <summary>Hosts (comma-separated, <c>*.domain</c> allowed) a <c>tap</c> may stream to and a <c>pay</c> connector may receive card data on.</summary>
    public const string AllowedDataHosts = "SWML_ALLOWED_DATA_HOSTS";

    /// <summary>Refuse premium-rate, shared-cost, personal, global-service and invalid numbers (default true).</summary>
    public const string BlockHighCostNumbers = "SWML_BLOCK_HIGH_COST_NUMBERS";

    /// <summary>Transfers tool results may start per call (default 5).</summary>
    public const string MaxTransfersPerCall = "SWML_MAX_TRANSFERS_PER_CALL";

    /// <summary>Text messages tool results may send per call (default 5).</summary>
    public const string MaxMessagesPerCall = "SWML_MAX_MESSAGES_PER_CALL";
}
