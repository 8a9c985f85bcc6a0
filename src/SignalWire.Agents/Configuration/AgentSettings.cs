using System.Globalization;
using SignalWire.Agents.Security;

namespace SignalWire.Agents;

/// <summary>
/// The agent's configuration after options, environment and defaults have been combined and checked.
/// Resolved once per agent, so a generated password or secret stays the same for the life of the process.
/// </summary>
public sealed partial class AgentSettings
{
    /// <summary>Default lifetime of a secure tool's token.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Default request body limit (1 MiB).</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>Default port.</summary>
    public const int DefaultPort = 3000;

    private AgentSettings()
    {
    }

    /// <summary>The agent's name.</summary>
    public required string Name { get; init; }

    /// <summary>The normalised route: empty for the root, else <c>/segment</c> without a trailing slash.</summary>
    public required string Route { get; init; }

    /// <summary>Bind address.</summary>
    public required string Host { get; init; }

    /// <summary>Bind port (0 means any free port).</summary>
    public required int Port { get; init; }

    /// <summary>Credentials every webhook must present.</summary>
    public required BasicAuthCredentials BasicAuth { get; init; }

    /// <summary>Mints and checks secure tools' tokens.</summary>
    public required SwaigTokenService Tokens { get; init; }

    /// <summary>Where the token secret came from; <see cref="CredentialSource.Generated"/> means it dies with the process.</summary>
    public required CredentialSource TokenSecretSource { get; init; }

    /// <summary>Public base URL (scheme, host, optional port and path, no trailing slash), or <see langword="null"/>.</summary>
    public Uri? ProxyUrlBase { get; init; }

    /// <summary>Whether forwarded headers are trusted for URL building.</summary>
    public required bool TrustProxyHeaders { get; init; }

    /// <summary>Whether HTTPS is served.</summary>
    public required bool SslEnabled { get; init; }

    /// <summary>PEM certificate path when HTTPS is on.</summary>
    public string? SslCertificatePath { get; init; }

    /// <summary>PEM key path when HTTPS is on.</summary>
    public string? SslKeyPath { get; init; }

    /// <summary>Host name used in URLs when HTTPS is on.</summary>
    public string? Domain { get; init; }

    /// <summary>Largest accepted request body in bytes.</summary>
    public required long MaxRequestBodySize { get; init; }

    /// <summary>Default failed authentications allowed per IP per minute.</summary>
    public const int DefaultAuthFailureLimit = 20;

    /// <summary>Whether the agent starts in emergency mode.</summary>
    public required bool EmergencyMode { get; init; }

    /// <summary>The webhook signing key, or <see langword="null"/> when signatures are not checked.</summary>
    public byte[]? SigningKey { get; init; }

    /// <summary>The signing key being rotated out (still accepted), or <see langword="null"/>.</summary>
    public byte[]? PreviousSigningKey { get; init; }

    /// <summary>When <see cref="PreviousSigningKey"/> stops being accepted, or <see langword="null"/> for until it is removed.</summary>
    public DateTimeOffset? PreviousSigningKeyUntil { get; init; }

    /// <summary>Whether a base64 signature over the URL alone is accepted for a request with a body.</summary>
    public required bool AllowSignatureWithoutBody { get; init; }

    /// <summary>Failed authentications allowed per IP per minute.</summary>
    public required int AuthFailureLimit { get; init; }

    /// <summary>Requests allowed per IP per minute, or <see langword="null"/> for no ceiling.</summary>
    public int? RateLimitPerMinute { get; init; }

    /// <summary>Whether secure-tool tokens are accepted only once.</summary>
    public required bool OneTimeTokens { get; init; }

    /// <summary>JSON-lines audit file, or <see langword="null"/> (standard output, or no audit sink).</summary>
    public string? AuditLogPath { get; init; }

    /// <summary>Whether the audit trail's JSON lines go to standard output (the default).</summary>
    public bool AuditToStandardOutput { get; init; }

    /// <summary>The <see cref="AgentOptions.AuditLogPath"/> value meaning standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>The <see cref="AgentOptions.AuditLogPath"/> value meaning no audit sink (the logger only).</summary>
    public const string NoAuditSink = "none";

    /// <summary>Extra argument names to redact.</summary>
    public required IReadOnlyCollection<string> SensitiveKeys { get; init; }

    /// <summary>Longest a request may take.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>Whether HSTS is sent over HTTPS.</summary>
    public required bool UseHsts { get; init; }

    /// <summary>HSTS max-age in seconds.</summary>
    public required int HstsMaxAge { get; init; }

    /// <summary>Allowed host names; empty means any.</summary>
    public required IReadOnlyList<string> AllowedHosts { get; init; }

    /// <summary>Allowed CORS origins; empty means CORS is off, a lone <c>*</c> any origin.</summary>
    public required IReadOnlyList<string> CorsOrigins { get; init; }

    /// <summary>Proxies whose forwarded headers are trusted (when <see cref="TrustProxyHeaders"/> is on); empty means loopback only.</summary>
    public required IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; }

    /// <summary>Most connections served at once.</summary>
    public required int MaxConnections { get; init; }

    /// <summary>How long an idle connection is kept open.</summary>
    public required TimeSpan KeepAliveTimeout { get; init; }

    /// <summary>Default <see cref="MaxConnections"/>.</summary>
    public const int DefaultMaxConnections = 4096;

    /// <summary>Default <see cref="KeepAliveTimeout"/>.</summary>
    public static readonly TimeSpan DefaultKeepAliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>New inbound calls a caller number may place per <see cref="CallsPerCallerWindow"/> by default.</summary>
    public const int DefaultCallsPerCaller = 30;

    /// <summary>Where tool results may send calls and messages, and the per-call caps.</summary>
    public required global::SignalWire.Agents.Destinations.DestinationRules Destinations { get; init; }

    /// <summary>New inbound calls per caller number per <see cref="CallsPerCallerWindow"/>; 0 for no limit.</summary>
    public required int CallsPerCaller { get; init; }

    /// <summary>New inbound calls without a usable caller number (withheld, text, malformed), all counted together, per <see cref="CallsPerCallerWindow"/>; 0 for no limit.</summary>
    public required int CallsWithoutCallerNumber { get; init; }

    /// <summary>New inbound calls without a caller number allowed per window by default.</summary>
    public const int DefaultCallsWithoutCallerNumber = 100;

    /// <summary>The window <see cref="CallsPerCaller"/> and <see cref="CallsWithoutCallerNumber"/> count in.</summary>
    public required TimeSpan CallsPerCallerWindow { get; init; }

    /// <summary>Resolves settings from <paramref name="options"/> and the process environment.</summary>
    public static AgentSettings Resolve(AgentOptions options) =>
        Resolve(options, Environment.GetEnvironmentVariable);

    /// <summary>Resolves settings from <paramref name="options"/> and an environment lookup.</summary>
    public static AgentSettings Resolve(AgentOptions options, Func<string, string?> environment) =>
        Resolve(options, environment, options?.TimeProvider ?? TimeProvider.System);

    /// <summary>Resolves settings; <paramref name="time"/> is the clock the token service uses (<see cref="AgentOptions.TimeProvider"/> wins when set).</summary>
    /// <exception cref="AgentConfigurationException">A value is present but unusable.</exception>
    public static AgentSettings Resolve(AgentOptions options, Func<string, string?> environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);

        string? Env(string name)
        {
            var value = environment(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var name = string.IsNullOrWhiteSpace(options.Name) ? "agent" : options.Name.Trim();
        var route = NormalizeRoute(options.Route);
        var port = options.Port ?? ParseInt(Env(EnvironmentVariables.Port), EnvironmentVariables.Port, 0, 65535) ?? DefaultPort;
        if (port is < 0 or > 65535)
        {
            throw new AgentConfigurationException($"Port {port} is outside 0-65535.");
        }

        var clock = options.TimeProvider ?? time;
        var credentials = ResolveCredentials(options, Env, clock);
        var (secret, secretSource) = ResolveSecret(options, Env);
        var previousSecret = ResolvePrevious(options.PreviousSwaigSecret, Env(EnvironmentVariables.PreviousSwaigSecret), secretSource, "token secret", EnvironmentVariables.SwaigSecret, nameof(AgentOptions.PreviousSwaigSecret));
        var previousSecretUntil = ResolveUntil(options.PreviousSwaigSecretUntil, Env, EnvironmentVariables.PreviousSwaigSecretUntil,
            previousSecret.Length > 0 ? "set" : null, EnvironmentVariables.PreviousSwaigSecret);
        var previousSigningKey = ResolvePrevious(options.PreviousSigningKey, Env(EnvironmentVariables.PreviousSigningKey),
            string.IsNullOrEmpty(options.SigningKey ?? Env(EnvironmentVariables.SigningKey)) ? CredentialSource.Generated : CredentialSource.Options,
            "signing key", EnvironmentVariables.SigningKey, nameof(AgentOptions.PreviousSigningKey));
        var lifetime = options.TokenLifetime ?? DefaultTokenLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new AgentConfigurationException("TokenLifetime must be positive.");
        }

        var maxBody = options.MaxRequestBodySize
            ?? ParseLong(Env(EnvironmentVariables.MaxRequestSize), EnvironmentVariables.MaxRequestSize)
            ?? DefaultMaxRequestBodySize;
        if (maxBody <= 0)
        {
            throw new AgentConfigurationException("The request body limit must be a positive number of bytes.");
        }

        var ssl = options.SslEnabled ?? ParseBool(Env(EnvironmentVariables.SslEnabled), EnvironmentVariables.SslEnabled) ?? false;
        var certPath = options.SslCertificatePath ?? Env(EnvironmentVariables.SslCertificatePath);
        var keyPath = options.SslKeyPath ?? Env(EnvironmentVariables.SslKeyPath);
        if (ssl && (certPath is null || keyPath is null))
        {
            throw new AgentConfigurationException(
                $"HTTPS is enabled ({EnvironmentVariables.SslEnabled}) but no certificate was given: set {EnvironmentVariables.SslCertificatePath} and {EnvironmentVariables.SslKeyPath} to PEM files (or the SslCertificatePath/SslKeyPath options).");
        }

        var proxyBase = ResolveProxyBase(options.ProxyUrlBase, Env(EnvironmentVariables.ProxyUrlBase));
        var allowedHosts = ResolveHosts(options.AllowedHosts ?? SplitList(Env(EnvironmentVariables.AllowedHosts)));
        var signingKey = options.SigningKey ?? Env(EnvironmentVariables.SigningKey);
        if (!string.IsNullOrEmpty(signingKey) && proxyBase is null && allowedHosts.Count == 0)
        {
            // A signature covers the URL the platform called. Without a configured public host that URL would
            // be rebuilt from the Host header, which the sender chooses.
            throw new AgentConfigurationException(
                $"A signing key is set ({EnvironmentVariables.SigningKey}), so the public URL the platform signs must be known: set {EnvironmentVariables.ProxyUrlBase} (https://agent.example.com) or {EnvironmentVariables.AllowedHosts} (agent.example.com).");
        }

        var audit = (string.IsNullOrWhiteSpace(options.AuditLogPath) ? null : options.AuditLogPath.Trim()) ?? Env(EnvironmentVariables.AuditLogPath) ?? StandardOutput;
        var trustedProxies = ResolveProxies(options.TrustedProxies ?? SplitList(Env(EnvironmentVariables.TrustedProxies)));
        return new AgentSettings
        {
            Name = name,
            Route = route,
            Host = options.Host ?? "0.0.0.0",
            Port = port,
            BasicAuth = credentials,
            Tokens = new SwaigTokenService(secret, previousSecret, previousSecretUntil, name, route, lifetime, clock),
            TokenSecretSource = secretSource,
            ProxyUrlBase = proxyBase,
            TrustProxyHeaders = options.TrustProxyHeaders
                ?? ParseBool(Env(EnvironmentVariables.TrustProxyHeaders), EnvironmentVariables.TrustProxyHeaders) ?? trustedProxies.Length > 0,
            TrustedProxies = trustedProxies,
            MaxConnections = options.MaxConnections
                ?? ParseInt(Env(EnvironmentVariables.MaxConnections), EnvironmentVariables.MaxConnections, 1, 1_000_000) ?? DefaultMaxConnections,
            KeepAliveTimeout = options.KeepAliveTimeout
                ?? (ParseInt(Env(EnvironmentVariables.KeepAliveTimeout), EnvironmentVariables.KeepAliveTimeout, 1, 3600) is { } keepAlive ? TimeSpan.FromSeconds(keepAlive) : DefaultKeepAliveTimeout),
            SslEnabled = ssl,
            SslCertificatePath = ssl ? certPath : null,
            SslKeyPath = ssl ? keyPath : null,
            Domain = options.Domain ?? Env(EnvironmentVariables.Domain),
            MaxRequestBodySize = maxBody,
            EmergencyMode = options.EmergencyMode ?? ParseBool(Env(EnvironmentVariables.EmergencyMode), EnvironmentVariables.EmergencyMode) ?? false,
            SigningKey = string.IsNullOrEmpty(signingKey) ? null : System.Text.Encoding.UTF8.GetBytes(signingKey),
            PreviousSigningKey = previousSigningKey.Length > 0 ? previousSigningKey : null,
            PreviousSigningKeyUntil = ResolveUntil(options.PreviousSigningKeyUntil, Env, EnvironmentVariables.PreviousSigningKeyUntil,
                previousSigningKey.Length > 0 ? "set" : null, EnvironmentVariables.PreviousSigningKey),
            AllowSignatureWithoutBody = options.AllowSignatureWithoutBody,
            AuthFailureLimit = options.AuthFailureLimit ?? ParseInt(Env(EnvironmentVariables.AuthFailureLimit), EnvironmentVariables.AuthFailureLimit, 1, 1_000_000) ?? DefaultAuthFailureLimit,
            RateLimitPerMinute = options.RateLimitPerMinute ?? ParseInt(Env(EnvironmentVariables.RateLimit), EnvironmentVariables.RateLimit, 1, 10_000_000),
            OneTimeTokens = options.OneTimeTokens ?? ParseBool(Env(EnvironmentVariables.OneTimeTokens), EnvironmentVariables.OneTimeTokens) ?? false,
            AuditLogPath = audit is StandardOutput || string.Equals(audit, NoAuditSink, StringComparison.OrdinalIgnoreCase) ? null : audit,
            AuditToStandardOutput = audit == StandardOutput,
            SensitiveKeys = options.SensitiveKeys ?? [],
            RequestTimeout = options.RequestTimeout
                ?? (ParseInt(Env(EnvironmentVariables.RequestTimeout), EnvironmentVariables.RequestTimeout, 1, 3600) is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(30)),
            UseHsts = options.UseHsts ?? ParseBool(Env(EnvironmentVariables.UseHsts), EnvironmentVariables.UseHsts) ?? true,
            HstsMaxAge = options.HstsMaxAge ?? ParseInt(Env(EnvironmentVariables.HstsMaxAge), EnvironmentVariables.HstsMaxAge, 0, int.MaxValue) ?? 31_536_000,
            AllowedHosts = allowedHosts,
            CorsOrigins = ResolveOrigins(options.CorsOrigins ?? SplitList(Env(EnvironmentVariables.CorsOrigins))),
            Destinations = ResolveDestinations(options.Destinations, Env),
            CallsPerCaller = options.CallsPerCaller ?? ParseInt(Env(EnvironmentVariables.CallsPerCaller), EnvironmentVariables.CallsPerCaller, 0, 1_000_000) ?? DefaultCallsPerCaller,
            CallsWithoutCallerNumber = options.CallsWithoutCallerNumber
                ?? ParseInt(Env(EnvironmentVariables.CallsWithoutCallerNumber), EnvironmentVariables.CallsWithoutCallerNumber, 0, 1_000_000) ?? DefaultCallsWithoutCallerNumber,
            CallsPerCallerWindow = options.CallsPerCallerWindow
                ?? (ParseInt(Env(EnvironmentVariables.CallsPerCallerWindow), EnvironmentVariables.CallsPerCallerWindow, 1, 7 * 86_400) is { } window ? TimeSpan.FromSeconds(window) : TimeSpan.FromHours(1)),
        };
    }

    /// <summary>Normalises a route: <c>"/"</c> becomes empty, <c>"support/"</c> becomes <c>"/support"</c>.</summary>
    internal static string NormalizeRoute(string? route)
    {
        var trimmed = (route ?? string.Empty).Trim().Trim('/');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '~'))
            {
                throw new AgentConfigurationException($"Route '{route}' may only contain letters, digits, '-', '_', '.', '~' and '/'.");
            }
        }

        return "/" + trimmed;
    }

    private static Uri? ResolveProxyBase(Uri? fromOptions, string? fromEnv)
    {
        var raw = fromOptions?.OriginalString ?? fromEnv;
        if (raw is null)
        {
            return null;
        }

        if (!Uri.TryCreate(raw.TrimEnd('/'), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new AgentConfigurationException(
                $"{EnvironmentVariables.ProxyUrlBase} must be an absolute http(s) URL without credentials, query or fragment, such as https://agent.example.com.");
        }

        return uri;
    }

    private static string[] SplitList(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Allowed hosts: a lone <c>*</c> means any (the empty list); <c>*</c> beside names is refused rather than guessed at.</summary>
    private static IReadOnlyList<string> ResolveHosts(IReadOnlyList<string> hosts)
    {
        RefuseMixedWildcard(hosts, EnvironmentVariables.AllowedHosts, "host");
        return hosts is ["*"] ? [] : hosts;
    }

    /// <summary>CORS origins: a lone <c>*</c> allows any origin; <c>*</c> beside origins is refused.</summary>
    private static IReadOnlyList<string> ResolveOrigins(IReadOnlyList<string> origins)
    {
        RefuseMixedWildcard(origins, EnvironmentVariables.CorsOrigins, "origin");
        return origins;
    }

    private static void RefuseMixedWildcard(IReadOnlyList<string> values, string variable, string what)
    {
        if (values.Count > 1 && values.Contains("*"))
        {
            throw new AgentConfigurationException(
                $"{variable} lists '*' together with other values: '*' alone means any {what}; otherwise list each {what} without '*'.");
        }
    }

    private static System.Net.IPNetwork[] ResolveProxies(IReadOnlyList<string> proxies)
    {
        var networks = new List<System.Net.IPNetwork>(proxies.Count);
        foreach (var proxy in proxies)
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new AgentConfigurationException(
                    $"{EnvironmentVariables.TrustedProxies}: '{proxy}' is neither an IP address nor a CIDR network such as 10.0.0.0/8.");
            }
        }

        return [.. networks];
    }

    private static bool? ParseBool(string? value, string variable) => value?.ToUpperInvariant() switch
    {
        null => null,
        "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new AgentConfigurationException($"{variable}='{value}' is not a boolean (use true or false)."),
    };

    private static int? ParseInt(string? value, string variable, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new AgentConfigurationException($"{variable}='{value}' is not a whole number between {min} and {max}.");
    }

    private static long? ParseLong(string? value, string variable)
    {
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new AgentConfigurationException($"{variable}='{value}' is not a positive whole number of bytes.");
    }
}
