using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Servers;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Hosting an <see cref="AgentServer"/> inside an ASP.NET Core application.</summary>
public static class AgentServerExtensions
{
    /// <summary>
    /// Registers <paramref name="server"/> and the hosting services its agents need (the same as
    /// <c>AddSignalWireAgent</c>), plus a readiness check that fails while no agent is registered.
    /// </summary>
    public static IServiceCollection AddSignalWireAgentServer(this IServiceCollection services, AgentServer server)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(server);
        services.AddSingleton(server);
        services.AddHealthChecks().AddTypeActivatedCheck<AgentServerReadinessCheck>("signalwire-agent-server", failureStatus: null, tags: [AgentHealthEndpointRouteBuilderExtensions.ReadyTag], args: [server]);
        return services.AddSignalWireHosting();
    }

    /// <summary>
    /// Serves every agent of <paramref name="server"/> from <paramref name="endpoints"/>: those registered now and
    /// those registered later, until they are unregistered. One server maps onto one application.
    /// </summary>
    /// <exception cref="AgentConfigurationException">An agent's configuration is unusable, or its route or name is taken on this application.</exception>
    /// <exception cref="InvalidOperationException">The server is already mapped.</exception>
    public static IEndpointRouteBuilder MapAgentServer(this IEndpointRouteBuilder endpoints, AgentServer server)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(server);
        server.Attach(endpoints);
        endpoints.DataSources.Add(server.DataSource);
        server.AnnounceOnStart(endpoints.ServiceProvider);
        if (endpoints.ServiceProvider.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            // Drain every agent's audit writer once requests have finished, removed agents included.
            lifetime.ApplicationStopped.Register(() =>
            {
                Task.WhenAll(server.AllRoutes().Select(r => r.Pipeline.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(5));
                server.DataSource.Dispose();
            });
        }

        return endpoints;
    }
}
