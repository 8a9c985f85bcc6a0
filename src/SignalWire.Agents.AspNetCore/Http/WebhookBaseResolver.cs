using Microsoft.AspNetCore.Http;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// Works out, per request, the public URL prefix the platform must call back on. Order: the configured
/// public base (<c>SWML_PROXY_URL_BASE</c>); <c>https://SWML_DOMAIN</c> when this process serves HTTPS and a
/// domain is set; else the request's scheme and host, which a trusted proxy's forwarded headers have already
/// replaced (ASP.NET Core's forwarded-headers handling, applied first). Nothing is stored between requests.
/// </summary>
public sealed class WebhookBaseResolver
{
    private readonly AgentSettings _settings;
    private readonly string? _fixedBase;
    private readonly string? _fixedPublicOrigin;

    /// <summary>The rule for an agent with these settings.</summary>
    public WebhookBaseResolver(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        if (settings.ProxyUrlBase is { } proxy)
        {
            _fixedBase = WebhookBase.FromPublicBase(proxy, settings.Route, settings.BasicAuth);
            _fixedPublicOrigin = proxy.GetLeftPart(UriPartial.Authority) + proxy.AbsolutePath.TrimEnd('/');
        }
    }

    /// <summary>
    /// The URL the platform called, as it saw it (public scheme and host, no credentials), for signature
    /// checks. The path and query are the request target exactly as sent, never a decoded form: a signature
    /// over <c>/swaig</c> must not match a request for <c>/%73waig</c>.
    /// </summary>
    public string PublicRequestUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var target = RawTarget(context) ?? request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        if (_fixedPublicOrigin is { } origin)
        {
            // The proxy base names the public prefix, which replaces the one this application was mounted under.
            var pathBase = request.PathBase.Value;
            return origin + (!string.IsNullOrEmpty(pathBase) && target.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase) ? target[pathBase.Length..] : target);
        }

        var (scheme, host) = SchemeAndHost(context);
        return scheme + "://" + host + target;
    }

    /// <summary>The request target's path and query exactly as received, or <see langword="null"/> when the server does not expose it.</summary>
    private static string? RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw[0] == '/')
        {
            return raw;
        }

        // Absolute form ("http://host/path?query"): the path and query as sent.
        var schemeEnd = raw.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }

        var pathStart = raw.IndexOfAny(['/', '?'], schemeEnd + 3);
        return pathStart < 0 ? "/" : raw[pathStart] == '?' ? "/" + raw[pathStart..] : raw[pathStart..];
    }

    /// <summary>The webhook base for this request: public scheme and host, the agent's route, and the Basic Auth credentials percent-encoded.</summary>
    public string Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_fixedBase is not null)
        {
            return _fixedBase;
        }

        var request = context.Request;
        var (scheme, host) = SchemeAndHost(context);
        return WebhookBase.Build(scheme, host, request.PathBase.Value ?? string.Empty, _settings.Route, _settings.BasicAuth);
    }

    /// <summary>
    /// The webhook base for this request with <paramref name="credentials"/> embedded in place of the agent's current
    /// ones: for a request admitted with the previous password of a rotation, which must not learn the new one.
    /// </summary>
    public string Resolve(HttpContext context, BasicAuthCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(credentials);
        if (_settings.ProxyUrlBase is { } proxy)
        {
            return WebhookBase.FromPublicBase(proxy, _settings.Route, credentials);
        }

        var (scheme, host) = SchemeAndHost(context);
        return WebhookBase.Build(scheme, host, context.Request.PathBase.Value ?? string.Empty, _settings.Route, credentials);
    }

    private (string Scheme, string Host) SchemeAndHost(HttpContext context)
    {
        // Forwarded headers from trusted proxies have already replaced the scheme and host (ForwardedHeaders).
        var request = context.Request;
        var scheme = request.Scheme;
        var host = request.Host.HasValue ? request.Host.Value! : "localhost:" + context.Connection.LocalPort;
        if (_settings.SslEnabled && _settings.Domain is { Length: > 0 } domain)
        {
            scheme = Uri.UriSchemeHttps;
            var port = context.Connection.LocalPort;
            host = port is 443 or 0 ? domain : domain + ":" + port;
        }

        return (scheme, host);
    }
}
