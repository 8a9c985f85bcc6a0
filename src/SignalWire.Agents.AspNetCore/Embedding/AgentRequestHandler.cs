using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SignalWire.Agents.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// Serves agents on requests another host has already received and routed to one catch-all handler (an Azure
/// Functions HTTP trigger, a gateway's catch-all endpoint), through exactly what <c>MapAgent</c> serves: the same
/// routes, guard, pipeline, limits, audit trail and JSON refusals. It keeps its own endpoint table over the host's
/// services, so nothing it maps leaks into the host's routing.
/// </summary>
public sealed class AgentRequestHandler
{
    private readonly RequestDelegate _pipeline;

    private AgentRequestHandler(RequestDelegate pipeline) => _pipeline = pipeline;

    /// <summary>
    /// Builds a handler whose endpoints <paramref name="map"/> adds (<c>MapAgent</c>, <c>MapAgentServer</c>,
    /// <c>MapSignalWireHealth</c>, <c>MapSwmlService</c>). <paramref name="services"/> must hold the hosting services
    /// (<c>AddSignalWireAgent</c>, <c>AddSignalWireAgentServer</c> or <c>AddSignalWireHosting</c>); a default request
    /// timeout configured with <c>AddRequestTimeouts</c> applies to every request.
    /// </summary>
    /// <exception cref="AgentConfigurationException">An agent's configuration is unusable.</exception>
    public static AgentRequestHandler Create(IServiceProvider services, Action<IEndpointRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(map);
        var app = new ApplicationBuilder(services);
        // No route, or a route without this method: the same JSON refusal as a standalone agent.
        app.Use(BodilessResponses.Middleware(hsts: null));
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseEndpoints(map);
        return new AgentRequestHandler(app.Build());
    }

    /// <summary>
    /// Serves <paramref name="context"/>, whose path starts with <paramref name="mountPath"/> (the prefix the host
    /// routed on, such as <c>/api</c>): that prefix becomes part of the path base, so webhook URLs keep it, and the
    /// rest is matched against the agents' routes. A path outside the mount is answered 404. The host's endpoint,
    /// route values and paths are restored afterwards.
    /// </summary>
    public async Task HandleAsync(HttpContext context, PathString mountPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var (endpoint, routeValues, pathBase, path) = (context.GetEndpoint(), request.RouteValues, request.PathBase, request.Path);
        if (!path.StartsWithSegments(mountPath, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await JsonResponses.WriteStatusAsync(context).ConfigureAwait(false);
            return;
        }

        try
        {
            // The host's routing already chose its own endpoint; this handler routes again on its own table.
            context.SetEndpoint(null);
            request.RouteValues = [];
            request.PathBase = pathBase.Add(matched);
            request.Path = remaining.HasValue ? remaining : "/";
            await _pipeline(context).ConfigureAwait(false);
        }
        finally
        {
            context.SetEndpoint(endpoint);
            request.RouteValues = routeValues;
            request.PathBase = pathBase;
            request.Path = path;
        }
    }
}
