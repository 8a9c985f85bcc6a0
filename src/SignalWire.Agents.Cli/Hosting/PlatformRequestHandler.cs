using Microsoft.AspNetCore.Http;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>
/// Makes requests look as the platform's would to the agent's checks: the <c>Host</c> the agent allows,
/// and, when a signing key is configured, an <c>X-SignalWire-Signature</c> over the public URL and the body.
/// The public URL comes from the agent's own rule (<see cref="WebhookBaseResolver"/>), applied to this request.
/// </summary>
internal sealed class PlatformRequestHandler(AgentSettings settings, int localPort, ServerlessSimulation? simulation = null) : DelegatingHandler
{
    private readonly WebhookBaseResolver _urls = new(settings);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in simulation?.Headers ?? new Dictionary<string, string>())
        {
            if (name != "Host")
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (AllowedHost() is { } host)
        {
            request.Headers.Host = host;
        }
        else if (simulation?.Headers.TryGetValue("Host", out var publicHost) == true)
        {
            request.Headers.Host = publicHost;
        }

        if (settings.SigningKey is { } key)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation("X-SignalWire-Signature", WebhookSignature.ComputeHex(key, PublicUrl(request), body));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private string? AllowedHost() => settings.AllowedHosts.FirstOrDefault(h => h != "*") is { } allowed
        ? allowed.StartsWith("*.", StringComparison.Ordinal) ? "swaig-test" + allowed[1..] : allowed
        : null;

    /// <summary>The URL the agent will reconstruct for <paramref name="request"/> when it checks the signature.</summary>
    private string PublicUrl(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var context = new DefaultHttpContext();
        context.Request.Scheme = uri.Scheme;
        context.Request.Host = HostString.FromUriComponent(request.Headers.Host ?? uri.Authority);
        context.Request.Path = PathString.FromUriComponent(uri);
        context.Request.QueryString = QueryString.FromUriComponent(uri);
        // The agent signs over the request target as sent, which is what HttpClient sends for this URI.
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = uri.PathAndQuery;
        context.Connection.LocalPort = localPort;
        if (simulation is not null)
        {
            // The platform's front end has already turned the request into the public one the platform signed.
            context.Request.Scheme = Uri.UriSchemeHttps;
            context.Request.Host = new HostString(simulation.PublicHost);
        }

        foreach (var (name, values) in request.Headers)
        {
            context.Request.Headers[name] = values.ToArray();
        }

        return _urls.PublicRequestUrl(context);
    }
}
