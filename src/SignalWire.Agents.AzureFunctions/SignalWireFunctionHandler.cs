using Microsoft.AspNetCore.Http;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.AzureFunctions;

/// <summary>
/// What an HTTP-triggered Azure Function calls to serve SignalWire: the agents registered with
/// <c>AddSignalWireFunctions</c>, under the function's route, through exactly the routes, guard and pipeline a Kestrel
/// host serves (Basic Auth, per-call tokens, signatures, validation, limits, confirmation, audit, JSON refusals).
/// </summary>
/// <remarks>
/// The trigger's route must end with the catch-all <see cref="CatchAllRoute"/> so that <c>/api/swaig</c>,
/// <c>/api/post_prompt</c>, <c>/health</c> and every agent of a server reach the handler:
/// <c>[HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = SignalWireFunctionHandler.CatchAllRoute)]</c>.
/// The part of the path before it (<c>/api</c>, the host's route prefix, plus any fixed segments) stays in the
/// webhook URLs the agent renders; behind Front Door or API Management set <c>SWML_PROXY_URL_BASE</c> to the public
/// prefix instead.
/// </remarks>
public sealed class SignalWireFunctionHandler
{
    /// <summary>The trigger route that hands every path below the function's prefix to the handler.</summary>
    public const string CatchAllRoute = "{*" + RouteParameter + "}";

    /// <summary>The name of the catch-all route parameter in <see cref="CatchAllRoute"/>.</summary>
    public const string RouteParameter = "path";

    private readonly AgentRequestHandler _handler;

    internal SignalWireFunctionHandler(AgentRequestHandler handler) => _handler = handler;

    /// <summary>Serves <paramref name="request"/>, the HTTP trigger's request; the response is written to its context.</summary>
    public Task HandleAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _handler.HandleAsync(request.HttpContext, MountPath(request));
    }

    /// <summary>
    /// The path the function is mounted on: the request path without what the catch-all matched
    /// (<c>/api/agents/swaig</c> with <c>swaig</c> matched is mounted on <c>/api/agents</c>). Without a catch-all
    /// value the whole path is the mount, which serves the SWML document only.
    /// </summary>
    internal static PathString MountPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var rest = request.RouteValues.TryGetValue(RouteParameter, out var value) ? value?.ToString() : null;
        if (string.IsNullOrEmpty(rest))
        {
            return new PathString(path.TrimEnd('/'));
        }

        var trimmed = path.TrimEnd('/');
        var matched = rest.TrimEnd('/');
        return trimmed.EndsWith("/" + matched, StringComparison.Ordinal)
            ? new PathString(trimmed[..^(matched.Length + 1)])
            // Routing takes the catch-all from the path itself, so this only happens if a host decodes the two
            // differently; a mount below the whole path matches nothing, and the handler answers 404.
            : new PathString(trimmed + "/");
    }
}
