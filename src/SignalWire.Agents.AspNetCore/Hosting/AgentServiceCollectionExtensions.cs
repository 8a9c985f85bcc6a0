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
        return services.AddSignalWireCore();
    }

    /// <summary>Registers <typeparamref name="TAgent"/> (created by the container) as a singleton, plus the readiness check.</summary>
    public static IServiceCollection AddSignalWireAgent<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TAgent>(this IServiceCollection services)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TAgent>();
        return services.AddSignalWireCore();
    }

    private static IServiceCollection AddSignalWireCore(this IServiceCollection services)
    {
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
