namespace SignalWire.Agents.Skills;

/// <summary>
/// Follows a configured service's redirects itself, so that its credentials stay with its origin: the platform
/// handler drops only <c>Authorization</c> on a redirect, while services authenticate with headers of their own
/// (<c>x-api-key</c>, <c>X-Goog-Api-Key</c>). On a hop to another origin (scheme, host or port) every header but
/// the few that carry no secret is dropped; a hop from https to http is not followed (the response is returned as
/// it is). 303, and 301/302 after a POST, continue as a GET without a body, as browsers do; 307/308 resend the body.
/// </summary>
internal sealed class OriginBoundRedirectHandler(int maxRedirects) : DelegatingHandler
{
    /// <summary>Request headers that may follow a redirect to another origin.</summary>
    private static readonly HashSet<string> CrossOriginSafeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Accept-Language", "User-Agent", "Cache-Control",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A 307/308 resends the body: it must be readable twice.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < maxRedirects && Next(request, response) is { } next; hop++)
        {
            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The request a redirect asks for, or <see langword="null"/> when it is not one this handler follows.</summary>
    private static HttpRequestMessage? Next(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || request.RequestUri is not { } from)
        {
            return null;
        }

        var to = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (to.Scheme is not ("http" or "https") || (from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp))
        {
            return null;
        }

        var keepBody = status is 307 or 308;
        var method = keepBody || (status != 303 && request.Method != HttpMethod.Post) ? request.Method : HttpMethod.Get;
        var next = new HttpRequestMessage(method == HttpMethod.Head ? HttpMethod.Head : method, to)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = keepBody ? request.Content : null,
        };
        var sameOrigin = Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var (name, values) in request.Headers)
        {
            if (sameOrigin || CrossOriginSafeHeaders.Contains(name))
            {
                next.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var option in request.Options)
        {
            next.Options.TryAdd(option.Key, option.Value);
        }

        return next;
    }
}
