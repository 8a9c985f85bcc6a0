using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Servers;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Running an <see cref="AgentServer"/> on its own.</summary>
public sealed partial class AgentServer
{
    /// <summary>
    /// Builds (without starting) a Kestrel application serving every registered agent, <c>/health</c> and <c>/ready</c>,
    /// listening as <see cref="HostOptions"/> says (port from <c>PORT</c>, else 3000).
    /// </summary>
    /// <exception cref="AgentConfigurationException">A setting is unusable, or two agents share a route or name.</exception>
    public WebApplication CreateApplication(string[]? args = null, Action<WebApplicationBuilder>? configure = null) =>
        AgentApplication.Create(
            config =>
            {
                AgentConfiguration.ApplyOnce(HostOptions.Name, HostOptions, settingsResolved: _hostSettings is not null, config);
                return HostSettings;
            },
            services => services.AddSignalWireAgentServer(this),
            app => app.MapAgentServer(this),
            args,
            configure,
            listenOverride: null);

    /// <summary>Builds and runs the server until the process is stopped (Ctrl+C, SIGTERM).</summary>
    public void Run(string[]? args = null, Action<WebApplicationBuilder>? configure = null) => CreateApplication(args, configure).Run();

    /// <summary>Builds and runs the server until <paramref name="cancellationToken"/> is cancelled or the process stops.</summary>
    public async Task RunAsync(string[]? args = null, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var app = CreateApplication(args, configure);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The server's start-up lines, once it listens: its URL, each agent's route, the SIP names, and credentials that were generated.</summary>
    internal void AnnounceOnStart(IServiceProvider services)
    {
        if (Banner(services) is not { } banner)
        {
            return;
        }

        banner.Lifetime.ApplicationStarted.Register(() =>
            ServerBanner.Write(Console.Out, this, banner.Server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
    }

    /// <summary>One line for an agent registered while the server runs; those registered before are in the start-up banner.</summary>
    private static void AnnounceIfStarted(IServiceProvider services, AgentBase agent, string route)
    {
        if (Banner(services) is { } banner && banner.Lifetime.ApplicationStarted.IsCancellationRequested)
        {
            ServerBanner.WriteAdded(Console.Out, agent, route);
        }
    }

    private static (IHostApplicationLifetime Lifetime, IServer Server)? Banner(IServiceProvider services) =>
        services.GetService<IHostApplicationLifetime>() is { } lifetime
        && services.GetService<Microsoft.Extensions.Options.IOptions<AgentHostingOptions>>()?.Value.StartupBanner != false
        && services.GetService<IServer>() is { } server
            ? (lifetime, server)
            : null;
}
