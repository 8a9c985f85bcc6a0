using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignalWire.Agents.AspNetCore.Health;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

/// <summary>Registers agents with dependency injection.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>Registers <paramref name="agent"/> as a singleton, plus the readiness check used by <c>/ready</c>.</summary>
    public static IServiceCollection AddSignalWireAgent<TAgent>(this IServiceCollection services, TAgent agent)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        services.AddSingleton(agent);
        return services.AddSignalWireHosting();
    }

    /// <summary>Registers <typeparamref name="TAgent"/> (created by the container) as a singleton, plus the readiness check.</summary>
    public static IServiceCollection AddSignalWireAgent<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TAgent>(this IServiceCollection services)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TAgent>();
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.Extensions.Logging.LoggerFilterOptions>, Diagnostics.RequestLineLogging>());
        services.AddMetrics();
        services.TryAddSingleton(sp => new AgentMetrics(System.Diagnostics.Metrics.MeterFactoryExtensions.Create(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AgentMetrics.MeterName)));
        services.TryAddSingleton<IRateLimitStore>(sp => new InMemoryRateLimitStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SignalWire.Agents.Security.INonceStore>(sp => new SignalWire.Agents.Security.InMemoryNonceStore(sp.GetRequiredService<TimeProvider>()));
        if (!services.Any(d => d.ServiceType == typeof(AgentReadinessCheck)))
        {
            services.AddSingleton<AgentReadinessCheck>();
            services.AddHealthChecks().AddCheck<AgentReadinessCheck>("signalwire-agent", tags: [AgentHealthEndpointRouteBuilderExtensions.ReadyTag]);
        }

        return services;
    }
}
