using SignalWire.Agents.Security;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>
/// Makes requests look as the platform's would to the agent's checks: the <c>Host</c> the agent allows,
/// and, when a signing key is configured, an <c>X-SignalWire-Signature</c> over the public URL the agent
/// will reconstruct and the body.
/// </summary>
internal sealed class PlatformRequestHandler(AgentSettings settings, int localPort) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (AllowedHost() is { } host)
        {
            request.Headers.Host = host;
        }

        if (settings.SigningKey is { } key && request.RequestUri is { } uri)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var signature = WebhookSignature.ComputeHex(key, PublicUrl(uri, request.Headers.Host), body);
            request.Headers.TryAddWithoutValidation("X-SignalWire-Signature", signature);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private string? AllowedHost() => settings.AllowedHosts.FirstOrDefault(h => h != "*") is { } allowed
        ? allowed.StartsWith("*.", StringComparison.Ordinal) ? "swaig-test" + allowed[1..] : allowed
        : null;

    /// <summary>The URL as the agent sees it: the proxy base, else the HTTPS domain, else the request's own host.</summary>
    private string PublicUrl(Uri uri, string? hostHeader)
    {
        var pathAndQuery = uri.PathAndQuery;
        if (settings.ProxyUrlBase is { } proxy)
        {
            return proxy.GetLeftPart(UriPartial.Authority) + proxy.AbsolutePath.TrimEnd('/') + pathAndQuery;
        }

        if (settings.SslEnabled && settings.Domain is { Length: > 0 } domain)
        {
            return "https://" + (localPort == 443 ? domain : domain + ":" + localPort) + pathAndQuery;
        }

        return uri.Scheme + "://" + (hostHeader ?? uri.Authority) + pathAndQuery;
    }
}
