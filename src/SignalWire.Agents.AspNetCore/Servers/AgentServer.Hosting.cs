using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Hosting;

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
                AgentConfiguration.ApplyOnce(HostOptions.Name, HostOptions, settingsResolved: false, config);
                return AgentSettings.Resolve(HostOptions);
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

    /// <summary>
    /// Prints an agent's start-up lines (its URL and, when generated, its credentials) when the server is already
    /// running; agents mapped before the start are announced when it starts.
    /// </summary>
    private static void AnnounceIfStarted(IServiceProvider services, AgentBase agent)
    {
        if (services.GetService<IHostApplicationLifetime>() is not { } lifetime
            || services.GetService<Microsoft.Extensions.Options.IOptions<AgentHostingOptions>>()?.Value.StartupBanner == false
            || services.GetService<IServer>() is not { } server)
        {
            return;
        }

        void Write() => StartupBanner.Write(Console.Out, agent, server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            Write();
        }
        else
        {
            lifetime.ApplicationStarted.Register(Write);
        }
    }
}
