using Microsoft.Extensions.Configuration;
using SignalWire.Agents.AspNetCore.Configuration;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// Agent settings from .NET configuration: the <see cref="SectionName"/> section of <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c>, user secrets, environment variables (<c>SignalWire__Agent__Port</c>)
/// and the command line (<c>--SignalWire:Agent:Port=8080</c>), in the host builder's usual order.
/// </summary>
/// <remarks>
/// Precedence, highest first: a value set in code on <see cref="AgentOptions"/>; the configuration section;
/// the <c>SWML_*</c> / <c>SIGNALWIRE_*</c> environment variables (<see cref="EnvironmentVariables"/>); the default.
/// </remarks>
public static class AgentConfiguration
{
    /// <summary>The configuration section agents read: <c>SignalWire:Agent</c>.</summary>
    public const string SectionName = "SignalWire:Agent";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AgentOptions, object> Applied = [];

    /// <summary>
    /// Applies the section to an agent's options once, before its settings are resolved. Called by the host
    /// (<c>agent.Run()</c>, <c>MapAgent</c>); a second call for the same options does nothing.
    /// </summary>
    /// <exception cref="AgentConfigurationException">
    /// The section has values but the settings were already resolved (so they would be silently ignored), or a value cannot be read.
    /// </exception>
    public static void ApplyOnce(string name, AgentOptions options, bool settingsResolved, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (configuration is null || Applied.TryGetValue(options, out _))
        {
            return;
        }

        if (settingsResolved)
        {
            if (configuration.GetSection(SectionName).GetChildren().Any())
            {
                throw new AgentConfigurationException(
                    $"Agent '{name}': its settings were read before the '{SectionName}' configuration could apply, so that configuration would be ignored. " +
                    "Read agent.Settings only after the application is built, or set those values in code.");
            }

            return;
        }

        Apply(options, configuration);
        Applied.AddOrUpdate(options, Applied);
    }

    /// <summary>
    /// Fills every setting <paramref name="options"/> leaves unset from <paramref name="configuration"/>'s
    /// <see cref="SectionName"/> section. Returns whether the section set anything.
    /// </summary>
    /// <exception cref="AgentConfigurationException">A value in the section cannot be read (a port that is not a number, say).</exception>
    public static bool Apply(AgentOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        if (!section.GetChildren().Any())
        {
            return false;
        }

        AgentOptionsSection? values;
        try
        {
            values = section.Get<AgentOptionsSection>();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert; neither is a secret's value for the
            // typed (non-string) settings, the only ones that can fail.
            throw new AgentConfigurationException($"Configuration section '{SectionName}': {ex.Message}", ex);
        }

        if (values is null)
        {
            return false;
        }

        Fill(options, values);
        return true;
    }

    private static void Fill(AgentOptions o, AgentOptionsSection s)
    {
        if (o.BasicAuthUser is null && o.BasicAuthPassword is null && (s.BasicAuthUser is not null || s.BasicAuthPassword is not null))
        {
            // Credentials come as a pair from one place; a section with only the password keeps the usual user name.
            o.BasicAuthUser = s.BasicAuthUser ?? Environment.GetEnvironmentVariable(EnvironmentVariables.BasicAuthUser) ?? Security.BasicAuthCredentials.DefaultUser;
            o.BasicAuthPassword = s.BasicAuthPassword;
        }

        o.Host ??= s.Host;
        o.Port ??= s.Port;
        o.SwaigSecret ??= s.SwaigSecret;
        o.PreviousSwaigSecret ??= s.PreviousSwaigSecret;
        o.PreviousBasicAuthPassword ??= s.PreviousBasicAuthPassword;
        o.PreviousSigningKey ??= s.PreviousSigningKey;
        o.PreviousSwaigSecretUntil ??= s.PreviousSwaigSecretUntil;
        o.PreviousBasicAuthPasswordUntil ??= s.PreviousBasicAuthPasswordUntil;
        o.PreviousSigningKeyUntil ??= s.PreviousSigningKeyUntil;
        o.TokenLifetime ??= s.TokenLifetime;
        o.ProxyUrlBase ??= s.ProxyUrlBase is { Length: > 0 } url ? ParseUrl(url) : null;
        o.TrustProxyHeaders ??= s.TrustProxyHeaders;
        o.TrustedProxies ??= s.TrustedProxies;
        o.MaxConnections ??= s.MaxConnections;
        o.KeepAliveTimeout ??= s.KeepAliveTimeout;
        o.SslEnabled ??= s.SslEnabled;
        o.SslCertificatePath ??= s.SslCertificatePath;
        o.SslKeyPath ??= s.SslKeyPath;
        o.Domain ??= s.Domain;
        o.MaxRequestBodySize ??= s.MaxRequestBodySize;
        o.EmergencyMode ??= s.EmergencyMode;
        o.SigningKey ??= s.SigningKey;
        o.AuthFailureLimit ??= s.AuthFailureLimit;
        o.RateLimitPerMinute ??= s.RateLimitPerMinute;
        o.OneTimeTokens ??= s.OneTimeTokens;
        o.AuditLogPath ??= s.AuditLogPath;
        o.SensitiveKeys ??= s.SensitiveKeys;
        o.RequestTimeout ??= s.RequestTimeout;
        o.UseHsts ??= s.UseHsts;
        o.HstsMaxAge ??= s.HstsMaxAge;
        o.AllowedHosts ??= s.AllowedHosts;
        o.CorsOrigins ??= s.CorsOrigins;
        o.ValidateSwml ??= s.ValidateSwml;
        o.CallsPerCaller ??= s.CallsPerCaller;
        o.CallsPerCallerWindow ??= s.CallsPerCallerWindow;
        o.CallsWithoutCallerNumber ??= s.CallsWithoutCallerNumber;
        if (s.Destinations is { } d)
        {
            // Per value: what code set wins, the section fills the rest.
            var policy = o.Destinations ??= new Destinations.DestinationPolicy();
            policy.AllowedCountries ??= d.AllowedCountries;
            policy.AllowedNumberPrefixes ??= d.AllowedNumberPrefixes;
            policy.DeniedNumberPrefixes ??= d.DeniedNumberPrefixes;
            policy.AllowedSipDomains ??= d.AllowedSipDomains;
            policy.AllowedTransferHosts ??= d.AllowedTransferHosts;
            policy.AllowedDataHosts ??= d.AllowedDataHosts;
            policy.BlockHighCostNumbers ??= d.BlockHighCostNumbers;
            policy.MaxTransfersPerCall ??= d.MaxTransfersPerCall;
            policy.MaxMessagesPerCall ??= d.MaxMessagesPerCall;
        }
    }

    private static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new AgentConfigurationException($"Configuration '{SectionName}:ProxyUrlBase' must be an absolute URL such as https://agent.example.com.");
}
