using System.Net;
using Microsoft.AspNetCore.Http;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Security;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The guard every request of an agent passes before its handler: forwarded headers from trusted proxies,
/// hardening headers, the forwarded scheme, the allowed host, the per-IP ceiling, the failed-login block and
/// Basic Auth; and the webhook signature, which the body reader applies to the exact bytes it read.
/// </summary>
internal sealed partial class AgentEndpoints
{
    private static string IpKey(IPAddress? ip) => ip?.ToString() ?? "unknown";

    private async Task GuardAsync(HttpContext context, string endpoint, Func<AgentEndpoints, HttpContext, Task> handler)
    {
        // From a trusted proxy, the client's address, scheme and host replace the proxy's before any check.
        _forwarded?.ApplyForwarders(context);
        SecurityHeaders.Apply(context.Response);
        if (_hsts is not null && context.Request.IsHttps)
        {
            context.Response.Headers.StrictTransportSecurity = _hsts;
        }

        _metrics.Request(_agent.Name, endpoint);
        if (_forwarded is not null && !NormalizeForwardedScheme(context.Request))
        {
            // A trusted proxy forwarded a scheme no webhook URL can use.
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Forwarded scheme must be http or https").ConfigureAwait(false);
            return;
        }

        if (_settings.AllowedHosts.Count > 0 && !HostAllowed(context.Request.Host.Host))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Host not allowed").ConfigureAwait(false);
            return;
        }

        var ip = context.Connection.RemoteIpAddress;
        var ipKey = IpKey(ip);
        if (_limits.PerIp is { } perIp)
        {
            using var lease = await perIp.AcquireAsync(ipKey, 1, context.RequestAborted).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                await TooManyRequestsAsync(context, "ip", AgentRateLimits.RetryAfterSeconds(lease)).ConfigureAwait(false);
                return;
            }
        }

        using (var blocked = await _limits.AuthFailures.AcquireAsync(ipKey, 0, context.RequestAborted).ConfigureAwait(false))
        {
            if (!blocked.IsAcquired)
            {
                await TooManyRequestsAsync(context, "auth", AgentRateLimits.RetryAfterSeconds(blocked)).ConfigureAwait(false);
                return;
            }
        }

        if (!_settings.BasicAuth.Verify(context.Request.Headers.Authorization.ToString()))
        {
            (await _limits.AuthFailures.AcquireAsync(ipKey, 1, context.RequestAborted).ConfigureAwait(false)).Dispose();
            _audit.AuthFailed(ip, context.Request.Method, context.Request.Path);
            _metrics.AuthFailure(_agent.Name);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"SignalWire Agent\", charset=\"UTF-8\"";
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(this, context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // The client went away or the request timed out: the request-timeout middleware (if any) answers.
            throw;
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            Log.UnexpectedError(_logger, ex, context.Request.Method, SafePath(context));
            context.Response.Clear();
            SecurityHeaders.Apply(context.Response);
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
        }
    }

    /// <summary>Lower-cases a forwarded <c>http</c>/<c>https</c>; <see langword="false"/> for any other scheme.</summary>
    private static bool NormalizeForwardedScheme(HttpRequest request)
    {
        var scheme = request.Scheme;
        if (scheme is "http" or "https")
        {
            return true;
        }

        if (scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) || scheme.Equals(Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
        {
            request.Scheme = scheme.ToLowerInvariant();
            return true;
        }

        return false;
    }

    /// <summary>Exact host names (any case) or <c>*.domain</c> wildcards; health endpoints are not subject to this.</summary>
    private bool HostAllowed(string host)
    {
        foreach (var allowed in _settings.AllowedHosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
                : host.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private Task TooManyRequestsAsync(HttpContext context, string scope, int retryAfterSeconds)
    {
        _audit.RateLimited(scope, null, null, context.Connection.RemoteIpAddress);
        _metrics.RateLimited(_agent.Name, scope);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JsonResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests");
    }

    private bool CheckSignature(HttpContext context, ReadOnlySpan<byte> body)
    {
        var headers = context.Request.Headers;
        var signature = headers["X-SignalWire-Signature"].ToString();
        if (signature.Length == 0)
        {
            signature = headers["X-Twilio-Signature"].ToString();
        }

        // Form bodies never get this far (415), so the body is checked as the exact bytes the handler reads.
        if (WebhookSignature.IsValid(_settings.SigningKey, signature, _urls.PublicRequestUrl(context), body, isForm: false, _settings.AllowSignatureWithoutBody))
        {
            return true;
        }

        _audit.SignatureInvalid(context.Request.Path, context.Connection.RemoteIpAddress, signature.Length == 0 ? "missing" : "mismatch");
        _metrics.SignatureFailure(_agent.Name);
        return false;
    }
}
