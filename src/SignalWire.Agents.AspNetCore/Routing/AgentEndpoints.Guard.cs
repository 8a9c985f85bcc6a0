using Microsoft.AspNetCore.Http;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Pipeline;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// What every request of an agent passes before its handler, on the HTTP side: forwarded headers from trusted
/// proxies, hardening headers, the forwarded scheme, then the pipeline's host check and admission (per-IP
/// ceiling, failed-login block, Basic Auth); and the webhook signature, which the body reader applies to the
/// exact bytes it read.
/// </summary>
internal sealed partial class AgentEndpoints
{
    /// <summary>Runs <paramref name="inner"/> behind this agent's guard (headers, host, admission, failure handling), counted as <paramref name="endpoint"/>.</summary>
    public RequestDelegate Guard(string endpoint, RequestDelegate inner) => context => GuardAsync(context, endpoint, (_, ctx) => inner(ctx));

    /// <summary>As <see cref="Guard(string, RequestDelegate)"/>, with <paramref name="credentials"/> checked in place of Basic Auth.</summary>
    public RequestDelegate Guard(string endpoint, RequestDelegate inner, AgentCredentialCheck credentials) =>
        context => GuardAsync(context, endpoint, (_, ctx) => inner(ctx), credentials: credentials);

    private async Task GuardAsync(HttpContext context, string endpoint, Func<AgentEndpoints, HttpContext, Task> handler, bool authenticate = true, AgentCredentialCheck? credentials = null)
    {
        // From a trusted proxy, the client's address, scheme and host replace the proxy's before any check.
        _forwarded?.ApplyForwarders(context);
        SecurityHeaders.Apply(context.Response);
        if (_hsts is not null && context.Request.IsHttps)
        {
            context.Response.Headers.StrictTransportSecurity = _hsts;
        }

        _pipeline.RecordRequest(endpoint);
        if (_forwarded is not null && !NormalizeForwardedScheme(context.Request))
        {
            // A trusted proxy forwarded a scheme no webhook URL can use.
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Forwarded scheme must be http or https").ConfigureAwait(false);
            return;
        }

        // Host.Host cuts the port off into a new string: paid only when some host is to be refused.
        if (_settings.AllowedHosts.Count > 0 && !_pipeline.IsHostAllowed(context.Request.Host.Host))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Host not allowed").ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var admission = !authenticate ? default
            : credentials is null ? await _pipeline.AdmitAsync(request.Headers.Authorization.ToString(), context.Connection.RemoteIpAddress, request.Method, request.Path.Value ?? "/", context.RequestAborted).ConfigureAwait(false)
            : await _pipeline.AdmitAsync(request.Headers.Authorization.ToString(), credentials.Verify, context.Connection.RemoteIpAddress, request.Method, request.Path.Value ?? "/", context.RequestAborted).ConfigureAwait(false);
        switch (admission.Decision)
        {
            case Admission.Unauthorized:
                context.Response.Headers.WWWAuthenticate = credentials?.Challenge ?? "Basic realm=\"SignalWire Agent\", charset=\"UTF-8\"";
                await JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
                return;
            case Admission.TooManyRequests or Admission.LockedOut:
                context.Response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await JsonResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests").ConfigureAwait(false);
                return;
        }

        if (admission.WithPreviousCredential)
        {
            PresentedCredential.Mark(context, previous: true);
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

    /// <summary>The body verifier: the signature header over the public URL as requested and the exact body bytes.</summary>
    private bool CheckSignature(HttpContext context, ReadOnlySpan<byte> body)
    {
        var headers = context.Request.Headers;
        var signature = headers["X-SignalWire-Signature"].ToString();
        if (signature.Length == 0)
        {
            signature = headers["X-Twilio-Signature"].ToString();
        }

        // Form bodies never get this far (415), so the body is checked as the exact bytes the handler reads.
        return _pipeline.VerifySignature(signature, _urls.PublicRequestUrl(context), body, context.Request.Path.Value ?? "/", context.Connection.RemoteIpAddress);
    }
}
