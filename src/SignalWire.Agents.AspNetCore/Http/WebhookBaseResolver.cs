using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// Works out, per request, the public URL prefix the platform must call back on. Order: the configured
/// public base (<c>SWML_PROXY_URL_BASE</c>); validated <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c>
/// when (and only when) forwarded headers are trusted; <c>https://SWML_DOMAIN</c> when HTTPS is on and a
/// domain is set; else the request's own scheme and host. Nothing is stored between requests.
/// </summary>
internal sealed class WebhookBaseResolver
{
    private readonly AgentSettings _settings;
    private readonly string? _fixedBase;
    private readonly string? _fixedPublicOrigin;

    public WebhookBaseResolver(AgentSettings settings)
    {
        _settings = settings;
        if (settings.ProxyUrlBase is { } proxy)
        {
            _fixedBase = WebhookBase.FromPublicBase(proxy, settings.Route, settings.BasicAuth);
            _fixedPublicOrigin = proxy.GetLeftPart(UriPartial.Authority) + proxy.AbsolutePath.TrimEnd('/');
        }
    }

    /// <summary>The URL the platform called, as it saw it (public scheme, host and path; no credentials), for signature checks.</summary>
    public string PublicRequestUrl(HttpContext context)
    {
        var request = context.Request;
        var origin = _fixedPublicOrigin;
        if (origin is null)
        {
            var (scheme, host) = SchemeAndHost(context);
            origin = scheme + "://" + host + request.PathBase.Value;
        }

        return origin + request.Path.Value + request.QueryString.Value;
    }

    public string Resolve(HttpContext context)
    {
        if (_fixedBase is not null)
        {
            return _fixedBase;
        }

        var request = context.Request;
        var (scheme, host) = SchemeAndHost(context);
        return WebhookBase.Build(scheme, host, request.PathBase.Value ?? string.Empty, _settings.Route, _settings.BasicAuth);
    }

    private (string Scheme, string Host) SchemeAndHost(HttpContext context)
    {
        var request = context.Request;
        var scheme = request.Scheme;
        var host = request.Host.HasValue ? request.Host.Value! : "localhost:" + context.Connection.LocalPort;
        if (_settings.TrustProxyHeaders && TryForwarded(request, out var forwardedScheme, out var forwardedHost))
        {
            scheme = forwardedScheme ?? scheme;
            host = forwardedHost;
        }
        else if (_settings.SslEnabled && _settings.Domain is { Length: > 0 } domain)
        {
            scheme = Uri.UriSchemeHttps;
            var port = context.Connection.LocalPort;
            host = port is 443 or 0 ? domain : domain + ":" + port;
        }

        return (scheme, host);
    }

    /// <summary>Reads the first forwarded host and proto; a malformed value means the headers are ignored.</summary>
    internal static bool TryForwarded(HttpRequest request, out string? scheme, out string host)
    {
        scheme = null;
        host = string.Empty;
        var forwardedHost = First(request.Headers["X-Forwarded-Host"]);
        if (forwardedHost is null || !IsValidHost(forwardedHost))
        {
            return false;
        }

        var proto = First(request.Headers["X-Forwarded-Proto"]);
        if (proto is not null)
        {
            if (proto.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                scheme = Uri.UriSchemeHttps;
            }
            else if (proto.Equals("http", StringComparison.OrdinalIgnoreCase))
            {
                scheme = Uri.UriSchemeHttp;
            }
            else
            {
                return false;
            }
        }

        host = forwardedHost;
        return true;
    }

    /// <summary>A DNS name or IPv4 address with an optional port; nothing that could smuggle a path, userinfo or query.</summary>
    internal static bool IsValidHost(string value)
    {
        if (value.Length is 0 or > 255)
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value.AsSpan() : value.AsSpan(0, colon);
        if (name.IsEmpty || name[0] is '.' or '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        if (colon < 0)
        {
            return true;
        }

        var port = value.AsSpan(colon + 1);
        return port.Length is > 0 and <= 5 && int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535;
    }

    private static string? First(StringValues values)
    {
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }

        var first = values[0]!;
        var comma = first.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? first : first[..comma]).Trim();
    }
}
