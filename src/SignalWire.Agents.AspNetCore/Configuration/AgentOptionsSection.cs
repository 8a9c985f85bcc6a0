namespace SignalWire.Agents.AspNetCore.Configuration;

/// <summary>
/// The <c>SignalWire:Agent</c> configuration section as bound (by the generated configuration binder): every
/// setting a deployment may choose. What an author decides in code (name, route, auto-answer, accepting
/// signatures without a body, the clock) is not here.
/// </summary>
internal sealed class AgentOptionsSection
{
    public string? Host { get; set; }

    public int? Port { get; set; }

    public string? BasicAuthUser { get; set; }

    public string? BasicAuthPassword { get; set; }

    public string? SwaigSecret { get; set; }

    public string? PreviousSwaigSecret { get; set; }

    public string? PreviousBasicAuthPassword { get; set; }

    public string? PreviousSigningKey { get; set; }

    public DateTimeOffset? PreviousSwaigSecretUntil { get; set; }

    public DateTimeOffset? PreviousBasicAuthPasswordUntil { get; set; }

    public DateTimeOffset? PreviousSigningKeyUntil { get; set; }

    public TimeSpan? TokenLifetime { get; set; }

    public string? ProxyUrlBase { get; set; }

    public bool? TrustProxyHeaders { get; set; }

    public string[]? TrustedProxies { get; set; }

    public int? MaxConnections { get; set; }

    public TimeSpan? KeepAliveTimeout { get; set; }

    public bool? SslEnabled { get; set; }

    public string? SslCertificatePath { get; set; }

    public string? SslKeyPath { get; set; }

    public string? Domain { get; set; }

    public long? MaxRequestBodySize { get; set; }

    public bool? EmergencyMode { get; set; }

    public string? SigningKey { get; set; }

    public int? AuthFailureLimit { get; set; }

    public int? RateLimitPerMinute { get; set; }

    public bool? OneTimeTokens { get; set; }

    public string? AuditLogPath { get; set; }

    public string[]? SensitiveKeys { get; set; }

    public TimeSpan? RequestTimeout { get; set; }

    public bool? UseHsts { get; set; }

    public int? HstsMaxAge { get; set; }

    public string[]? AllowedHosts { get; set; }

    public string[]? CorsOrigins { get; set; }

    public bool? ValidateSwml { get; set; }

    public int? CallsPerCaller { get; set; }

    public TimeSpan? CallsPerCallerWindow { get; set; }

    public int? CallsWithoutCallerNumber { get; set; }

    public SignalWire.Agents.Destinations.DestinationPolicy? Destinations { get; set; }
}
