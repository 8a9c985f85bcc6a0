using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SignalWire.Agents.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Maps the unauthenticated liveness and readiness endpoints.</summary>
public static class AgentHealthEndpointRouteBuilderExtensions
{
    /// <summary>Tag carried by the health checks that decide readiness.</summary>
    public const string ReadyTag = Security.AgentHealthTags.Ready;

    /// <summary>
    /// Maps <c>GET /health</c> (liveness: the process answers; no dependency is checked) and
    /// <c>GET /ready</c> (readiness: every check tagged <see cref="ReadyTag"/>), also for HEAD; other methods
    /// get 405. Neither needs credentials, and neither reveals more than a status word.
    /// </summary>
    public static IEndpointConventionBuilder MapSignalWireHealth(this IEndpointRouteBuilder endpoints, string livenessPath = "/health", string readinessPath = "/ready")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var live = endpoints.MapHealthChecks(livenessPath, new HealthCheckOptions
        {
            Predicate = static _ => false,
            ResponseWriter = static (context, report) => WriteAsync(context, report, "healthy", "unhealthy"),
        });
        var ready = endpoints.MapHealthChecks(readinessPath, new HealthCheckOptions
        {
            Predicate = static check => check.Tags.Contains(ReadyTag),
            ResponseWriter = static (context, report) => WriteAsync(context, report, "ready", "not_ready"),
        });
        // GET and HEAD only: other methods get 405 (a 200 to CONNECT, say, would be a protocol error).
        var methods = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        live.WithMetadata(methods);
        ready.WithMetadata(methods);
        return new CompositeConventionBuilder([live, ready]);
    }

    private static Task WriteAsync(HttpContext context, HealthReport report, string ok, string notOk)
    {
        SecurityHeaders.Apply(context.Response);
        var healthy = report.Status != HealthStatus.Unhealthy;
        var body = healthy ? $$"""{"status":"{{ok}}"}""" : $$"""{"status":"{{notOk}}"}""";
        return JsonResponses.WriteAsync(context, healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, System.Text.Encoding.UTF8.GetBytes(body));
    }

    private sealed class CompositeConventionBuilder(IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
