using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Mcp;

/// <summary>
/// Serves an agent's tools over the Model Context Protocol (streamable HTTP, with the official C# SDK). Off until
/// you map it: <c>services.AddSignalWireMcp()</c>, then <c>app.MapAgent(agent)</c> and <c>app.MapAgentMcp(agent)</c>.
/// Every request passes the agent's own guard, as its webhooks do (security headers, host check, per-IP ceiling,
/// failed-login lock-out, Basic Auth);
/// every tool call runs through the agent's pipeline (argument validation, limits, confirmation, emergency switch,
/// audit). Secure tools and tools that need a verified caller are not offered: their protection is bound to a call,
/// and an MCP session is not one.
/// </summary>
public static class AgentMcpExtensions
{
    /// <summary>The feature switch behind <see cref="IsSupported"/>, set by the MSBuild property <c>SignalWireMcpSupport</c>.</summary>
    public const string SupportSwitch = "SignalWire.Agents.Mcp.IsSupported";

    private const string NotSupportedMessage =
        "This application was published without MCP support (SignalWireMcpSupport=false), so the MCP server was trimmed away. Publish it with -p:SignalWireMcpSupport=true to serve MCP.";

    /// <summary>
    /// Whether this build can serve MCP: true unless the application was published with
    /// <c>&lt;SignalWireMcpSupport&gt;false&lt;/SignalWireMcpSupport&gt;</c>. A trimmed or NativeAOT build that sets it
    /// leaves the MCP server and its dependencies out of the binary (in the example agent, 7 MB of binary and about
    /// 9 MB of resident memory), and <see cref="AddSignalWireMcp"/> and <c>MapAgentMcp</c> then throw
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    [FeatureSwitchDefinition(SupportSwitch)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SupportSwitch, out var supported) || supported;

    /// <summary>Registers the MCP server (streamable HTTP, stateful sessions) whose tools come from the mapped agent of each endpoint.</summary>
    /// <exception cref="NotSupportedException">The application was published without MCP support (<see cref="IsSupported"/>).</exception>
    public static IServiceCollection AddSignalWireMcp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!IsSupported)
        {
            throw new NotSupportedException(NotSupportedMessage);
        }

        services.AddMcpServer(options =>
        {
            options.ServerInfo = new Implementation { Name = "signalwire-agent", Version = "1.0.0" };
            options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability() };
        }).WithHttpTransport(transport =>
        {
            // Stateful, so that each session is bound to the agent and client it started with. A tool call's pseudo-call
            // is the client (mcp-client-<address>), so limits and per-call caps outlive any one session. Clients of the
            // 2026-07-28 revision are told to use the initialize handshake (-32022), which the official clients do.
            transport.SessionMode = HttpServerSessionMode.Stateful;
            transport.ConfigureSessionOptions = (context, options, _) =>
            {
                // Each session is bound to the agent of the endpoint it started on, and to that client's address.
                var pipeline = context.GetEndpoint()?.Metadata.GetMetadata<AgentMcpEndpoint>()?.Pipeline
                    ?? throw new InvalidOperationException("This MCP endpoint was not mapped with MapAgentMcp.");
                var client = context.Connection.RemoteIpAddress;
                options.Handlers.ListToolsHandler = (_, _) => AgentMcpTools.List(pipeline);
                options.Handlers.CallToolHandler = (request, cancellationToken) =>
                    AgentMcpTools.CallAsync(pipeline, client, request.Params, cancellationToken);
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Serves <paramref name="agent"/>'s tools over MCP at <paramref name="pattern"/> (default <c>/mcp</c>), behind its
    /// Basic Auth, or behind the bearer token in <see cref="AgentMcpOptions.BearerTokenVariable"/> when that is set.
    /// The agent must already be mapped on this application (<c>MapAgent</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent is not mapped, or <see cref="AddSignalWireMcp"/> was not called.</exception>
    /// <exception cref="AgentConfigurationException">The bearer token is too short.</exception>
    /// <exception cref="NotSupportedException">The application was published without MCP support (<see cref="IsSupported"/>).</exception>
    public static IEndpointConventionBuilder MapAgentMcp(this IEndpointRouteBuilder endpoints, AgentBase agent, string pattern = "/mcp") =>
        endpoints.MapAgentMcp(agent, new AgentMcpOptions { Pattern = pattern });

    /// <summary>Serves <paramref name="agent"/>'s tools over MCP as <paramref name="options"/> say (where, and which credential).</summary>
    /// <exception cref="InvalidOperationException">The agent is not mapped, or <see cref="AddSignalWireMcp"/> was not called.</exception>
    /// <exception cref="AgentConfigurationException">The bearer token is too short.</exception>
    /// <exception cref="NotSupportedException">The application was published without MCP support (<see cref="IsSupported"/>).</exception>
    public static IEndpointConventionBuilder MapAgentMcp(this IEndpointRouteBuilder endpoints, AgentBase agent, AgentMcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsSupported)
        {
            throw new NotSupportedException(NotSupportedMessage);
        }

        var pipeline = endpoints.GetAgentPipeline(agent);
        var token = options.BearerToken ?? Environment.GetEnvironmentVariable(AgentMcpOptions.BearerTokenVariable);
        var bearer = string.IsNullOrEmpty(token) ? null : BearerToken.For(agent.Name, token);
        var builder = endpoints.MapMcp(options.Pattern).WithMetadata(new AgentMcpEndpoint(pipeline));
        // Finally: after the endpoints' own conventions, which add the media-type metadata below.
        builder.Finally(endpoint =>
        {
            // Routing would refuse a body of the wrong media type (415) before the guard, so before authentication;
            // the check stays, behind the guard, as part of the request it admitted.
            var accepts = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().ToList();
            foreach (var metadata in accepts)
            {
                endpoint.Metadata.Remove(metadata);
            }

            var routed = endpoint.RequestDelegate ?? throw new InvalidOperationException("The MCP endpoint has no handler.");
            var inner = accepts.Count == 0 ? routed : AcceptingOnly(accepts, routed);
            endpoint.RequestDelegate = bearer is null
                ? endpoints.GuardedByAgent(agent, "mcp", inner)
                : endpoints.GuardedByAgent(agent, "mcp", inner, bearer);
        });
        return builder;
    }

    /// <summary><paramref name="next"/> for a request whose body has a media type <paramref name="accepts"/> names (or none, for a request without a body), else 415 as JSON.</summary>
    private static Microsoft.AspNetCore.Http.RequestDelegate AcceptingOnly(List<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata> accepts, Microsoft.AspNetCore.Http.RequestDelegate next) => context =>
    {
        var request = context.Request;
        var declared = request.ContentType;
        var hasBody = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody || (declared is not null && accepts.Any(a => a.ContentTypes.Any(type =>
            Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var parsed)
            && parsed.IsSubsetOf(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(type))))))
        {
            return next(context);
        }

        context.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status415UnsupportedMediaType;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"error":"Content-Type must be application/json"}""");
    };
}
