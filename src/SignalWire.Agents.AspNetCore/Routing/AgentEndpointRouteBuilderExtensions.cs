using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Hosting;
using SignalWire.Agents.Pipeline;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Maps agents onto an ASP.NET Core application.</summary>
public static class AgentEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="agent"/> under its route: <c>GET|POST {route}</c> (SWML), <c>POST {route}/swaig</c>
    /// (tool calls) and <c>POST {route}/post_prompt</c> (summary), each with and without a trailing slash,
    /// all behind Basic Auth. Returns a builder for further conventions (host filters, rate limiting, ...).
    /// </summary>
    /// <exception cref="AgentConfigurationException">The agent's configuration is unusable.</exception>
    public static IEndpointConventionBuilder MapAgent(this IEndpointRouteBuilder endpoints, AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(agent);
        AgentConfiguration.ApplyOnce(agent.Name, agent.Options, agent.SettingsResolved, endpoints.ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>());
        agent.ValidateConfiguration();
        return Map(endpoints, agent.Name, agent.Settings, agent.Options, services => new AgentPipeline(agent, services));
    }

    /// <summary>
    /// Maps a <see cref="Swml.SwmlService"/> under its route: <c>GET|POST {route}</c> serves its document,
    /// behind the same Basic Auth, signature checks, limits and audit as an agent.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The service's configuration is unusable.</exception>
    public static IEndpointConventionBuilder MapSwmlService(this IEndpointRouteBuilder endpoints, Swml.SwmlService service)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(service);
        AgentConfiguration.ApplyOnce(service.Name, service.Options, service.SettingsResolved, endpoints.ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>());
        return Map(endpoints, service.Name, service.Settings, service.Options, services => new AgentPipeline(service, services));
    }

    /// <summary>Builds the agent's pipeline and routes, maps them, and ties the start-up banner and the audit drain to the application's lifetime.</summary>
    private static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string name, AgentSettings settings, AgentOptions options, Func<AgentPipelineServices, AgentPipeline> createPipeline)
    {
        var mapped = Routing.AgentRoutes.Build(endpoints, name, settings, options, createPipeline);
        var group = endpoints.MapGroup(mapped.Prefix);
        foreach (var route in mapped.Routes)
        {
            group.MapMethods(route.Pattern, route.Methods, route.Handler).WithDisplayName(route.DisplayName);
        }

        var services = endpoints.ServiceProvider;
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            var hosting = services.GetService<Microsoft.Extensions.Options.IOptions<AgentHostingOptions>>()?.Value;
            if (hosting?.StartupBanner != false && services.GetService<IServer>() is { } server)
            {
                var agent = mapped.Pipeline.Agent;
                lifetime.ApplicationStarted.Register(() =>
                    StartupBanner.Write(Console.Out, agent, server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
            }

            // Drain the audit file once requests have finished.
            lifetime.ApplicationStopped.Register(() => mapped.Pipeline.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5)));
        }

        return group;
    }

    /// <summary>
    /// The pipeline <see cref="MapAgent(IEndpointRouteBuilder, AgentBase)"/> built for <paramref name="agent"/> on this
    /// application: the seam for other front doors (MCP, for one) to run the agent's tools through the same gates,
    /// limits and audit trail.
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent is not mapped on this application.</exception>
    public static AgentPipeline GetAgentPipeline(this IEndpointRouteBuilder endpoints, AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(agent);
        return Mapped(endpoints, agent).Pipeline;
    }

    /// <summary>
    /// <paramref name="inner"/> behind <paramref name="agent"/>'s guard, exactly as its own webhooks are: security
    /// headers, the forwarded-scheme and host checks, the per-IP ceiling, the failed-login lock-out and Basic Auth
    /// (refusals as JSON, failed logins audited), and failure handling; counted in the agent's metrics as
    /// <paramref name="endpointName"/>. For other front doors to the agent (MCP, for one).
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent is not mapped on this application.</exception>
    public static Microsoft.AspNetCore.Http.RequestDelegate GuardedByAgent(this IEndpointRouteBuilder endpoints, AgentBase agent, string endpointName, Microsoft.AspNetCore.Http.RequestDelegate inner)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(inner);
        return Mapped(endpoints, agent).Handlers.Guard(endpointName, inner);
    }

    /// <summary>
    /// As <see cref="GuardedByAgent(IEndpointRouteBuilder, AgentBase, string, Microsoft.AspNetCore.Http.RequestDelegate)"/>,
    /// with <paramref name="credentials"/> checked in place of the agent's Basic Auth (its per-IP ceiling, failed-login
    /// lock-out and audit still apply): for a side door with its own credential, such as an MCP bearer token.
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent is not mapped on this application.</exception>
    public static Microsoft.AspNetCore.Http.RequestDelegate GuardedByAgent(this IEndpointRouteBuilder endpoints, AgentBase agent, string endpointName, Microsoft.AspNetCore.Http.RequestDelegate inner, AgentCredentialCheck credentials)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(credentials);
        return Mapped(endpoints, agent).Handlers.Guard(endpointName, inner, credentials);
    }

    private static Routing.AgentRoutes Mapped(IEndpointRouteBuilder endpoints, AgentBase agent) =>
        Routing.MappedAgents.Find(endpoints, agent.Name)
            ?? throw new InvalidOperationException($"Agent '{agent.Name}' is not mapped on this application; call MapAgent first.");

    /// <summary>Maps the agent registered with <see cref="AgentServiceCollectionExtensions.AddSignalWireAgent{TAgent}(IServiceCollection)"/>.</summary>
    public static IEndpointConventionBuilder MapAgent<TAgent>(this IEndpointRouteBuilder endpoints)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapAgent(endpoints.ServiceProvider.GetRequiredService<TAgent>());
    }
}
