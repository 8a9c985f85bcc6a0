using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SignalWire.Agents.AspNetCore.Hosting;
using SignalWire.Agents.AspNetCore.Health;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Registers agents with dependency injection.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="agent"/> as a singleton, plus the readiness check used by <c>/ready</c>. When the
    /// host starts, the <c>SignalWire:Agent</c> configuration section fills what the agent's options leave unset
    /// (<see cref="AgentConfiguration"/>), and its settings are checked: an unusable value stops the start.
    /// </summary>
    public static IServiceCollection AddSignalWireAgent<TAgent>(this IServiceCollection services, TAgent agent)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        services.AddSingleton(agent);
        services.AddSingleton(new AgentRegistration(_ => agent));
        return services.AddSignalWireHosting();
    }

    /// <summary>
    /// Registers <typeparamref name="TAgent"/> (created by the container) as a singleton, plus the readiness check.
    /// Its constructor may take <c>IOptions&lt;AgentOptions&gt;</c>, bound from the <c>SignalWire:Agent</c>
    /// configuration section; its settings are checked when the host starts.
    /// </summary>
    public static IServiceCollection AddSignalWireAgent<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TAgent>(this IServiceCollection services)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TAgent>();
        services.AddSingleton(new AgentRegistration(sp => sp.GetRequiredService<TAgent>()));
        return services.AddSignalWireHosting();
    }

    /// <summary>
    /// Registers what every agent and SWML service on this host shares: the clock, the metrics, in-memory
    /// limit and single-use stores (unless others are registered, e.g. Redis), the readiness check and the
    /// log filter that keeps request targets (and their tokens) out of the log. <c>AddSignalWireAgent</c>
    /// calls it; call it yourself for an application that maps only SWML services.
    /// </summary>
    public static IServiceCollection AddSignalWireHosting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        // Routing and request timeouts for hosts that route to agents themselves (AgentRequestHandler); web hosts have both already.
        services.AddRouting();
        services.AddRequestTimeouts();

        // Agent settings from configuration: IOptions<AgentOptions> for agents the container creates, and a
        // start-up check of every registered agent's resolved settings.
        services.AddOptions<AgentOptions>().Configure<IConfiguration>((options, configuration) => AgentConfiguration.Apply(options, configuration));
        services.AddOptions<AgentHostingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentHostingOptions>, AgentStartupValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.Extensions.Logging.LoggerFilterOptions>, Diagnostics.RequestLineLogging>());
        services.AddMetrics();
        services.TryAddSingleton(sp => new AgentMetrics(System.Diagnostics.Metrics.MeterFactoryExtensions.Create(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AgentMetrics.MeterName)));
        services.TryAddSingleton<IRateLimitStore>(sp => new InMemoryRateLimitStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SignalWire.Agents.Security.INonceStore>(sp => new SignalWire.Agents.Security.InMemoryNonceStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SignalWire.Agents.Security.ICallStateStore>(sp => new SignalWire.Agents.Security.InMemoryCallStateStore(sp.GetRequiredService<TimeProvider>()));
        if (!services.Any(d => d.ServiceType == typeof(AgentReadinessCheck)))
        {
            services.AddSingleton<AgentReadinessCheck>();
            services.AddHealthChecks().AddCheck<AgentReadinessCheck>("signalwire-agent", tags: [AgentHealthEndpointRouteBuilderExtensions.ReadyTag]);
        }

        return services;
    }
}
