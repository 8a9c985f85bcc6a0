using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// The outermost step of a host that serves agents: a response nothing wrote a body for (no route, a method the
/// route does not take, a CORS preflight, a limit Kestrel enforced) gets the hardening headers, and when it is an
/// error, a JSON body. Responses the agents' endpoints write already carry both and pass untouched, and a request
/// that completes without waiting pays no state machine.
/// </summary>
internal static class BodilessResponses
{
    /// <summary>The middleware; <paramref name="hsts"/> is the <c>Strict-Transport-Security</c> value for HTTPS requests, or <see langword="null"/>.</summary>
    public static Func<RequestDelegate, RequestDelegate> Middleware(string? hsts) => next => context =>
    {
        var pending = next(context);
        return pending.IsCompletedSuccessfully ? FinishAsync(context, hsts) : AwaitThenFinishAsync(pending, context, hsts);
    };

    private static async Task AwaitThenFinishAsync(Task pending, HttpContext context, string? hsts)
    {
        await pending.ConfigureAwait(false);
        await FinishAsync(context, hsts).ConfigureAwait(false);
    }

    private static Task FinishAsync(HttpContext context, string? hsts)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (hsts is not null && context.Request.IsHttps)
        {
            response.Headers.StrictTransportSecurity = hsts;
        }

        if (response.StatusCode >= StatusCodes.Status400BadRequest && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            // The JSON error sets the hardening headers itself (with no-store).
            return JsonResponses.WriteStatusAsync(context);
        }

        SecurityHeaders.Apply(response, noStore: false);
        return Task.CompletedTask;
    }
}
