using SignalWire.Agents.Security;

namespace SignalWire.Agents.Swml;

/// <summary>
/// Builds the URL prefix of the agent's webhooks with the Basic Auth credentials embedded
/// (percent-encoded), e.g. <c>https://signalwire:p%40ss@agent.example.com/support</c>.
/// </summary>
public static class WebhookBase
{
    /// <summary>Builds the prefix from a scheme, a host (with optional port), an optional path base and the route.</summary>
    /// <param name="scheme"><c>http</c> or <c>https</c>.</param>
    /// <param name="host">Host with optional <c>:port</c>.</param>
    /// <param name="pathBase">Path before the route (from a proxy base URL), without trailing slash; may be empty.</param>
    /// <param name="route">Normalised agent route (empty or <c>/segment</c>).</param>
    /// <param name="credentials">Credentials to embed.</param>
    public static string Build(string scheme, string host, string pathBase, string route, BasicAuthCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return string.Concat(
            scheme,
            "://",
            Uri.EscapeDataString(credentials.Username),
            ":",
            Uri.EscapeDataString(credentials.Password),
            "@",
            host,
            pathBase,
            route);
    }

    /// <summary>Builds the prefix from a public base URL such as <c>SWML_PROXY_URL_BASE</c>.</summary>
    public static string FromPublicBase(Uri publicBase, string route, BasicAuthCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        return Build(publicBase.Scheme, publicBase.Authority, publicBase.AbsolutePath.TrimEnd('/'), route, credentials);
    }

    /// <summary>The same URL with the credentials removed, for display.</summary>
    public static string Redact(string webhookBase)
    {
        ArgumentNullException.ThrowIfNull(webhookBase);
        var schemeEnd = webhookBase.IndexOf("://", StringComparison.Ordinal);
        var at = webhookBase.IndexOf('@', StringComparison.Ordinal);
        return schemeEnd > 0 && at > schemeEnd ? string.Concat(webhookBase.AsSpan(0, schemeEnd + 3), webhookBase.AsSpan(at + 1)) : webhookBase;
    }
}
