using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SignalWire.Relay;

/// <summary>Runs a <see cref="RelayClient"/> as a hosted service.</summary>
public static class RelayServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RelayClient"/> (a singleton, options from <paramref name="configure"/> then the SIGNALWIRE_*
    /// variables) and a hosted service that keeps it connected while the app runs and closes it on shutdown. Add call
    /// and message handlers with <paramref name="handlers"/> (or on the resolved client before the host starts).
    /// </summary>
    public static IServiceCollection AddSignalWireRelay(this IServiceCollection services, Action<RelayOptions>? configure = null, Action<RelayClient, IServiceProvider>? handlers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = new RelayOptions();
            configure?.Invoke(options);
            options.WithEnvironment(Environment.GetEnvironmentVariable);
            var client = new RelayClient(options, provider.GetService<ILogger<RelayClient>>());
            handlers?.Invoke(client, provider);
            return client;
        });
        services.AddHostedService<RelayHostedService>();
        return services;
    }

    private sealed class RelayHostedService(RelayClient client) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
