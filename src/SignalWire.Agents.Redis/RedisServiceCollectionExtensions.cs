using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignalWire.Agents.Security;
using StackExchange.Redis;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Redis;

/// <summary>Registers the Redis-backed shared state for agents running as several replicas.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares rate-limit counters, single-use tokens and per-call state (caller verification) through Redis (one <see cref="IConnectionMultiplexer"/>
    /// per process), adds Redis to <c>/ready</c>, and switches on multi-replica mode, which refuses to start
    /// without a shared token secret and explicit Basic Auth credentials. Redis unreachable: rate limits fall
    /// back to per-replica counting and single-use tokens are refused; after the first failed operations
    /// (<see cref="RedisOptions.FailureThreshold"/>) calls no longer wait for Redis at all while it is probed
    /// in the background, and everything resumes once it answers.
    /// </summary>
    /// <exception cref="AgentConfigurationException">No Redis server is configured, or the configuration is invalid.</exception>
    public static IServiceCollection AddSignalWireRedis(this IServiceCollection services, Action<RedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RedisOptions();
        configure?.Invoke(options);
        if (options.FailureThreshold < 1 || options.ProbeInterval <= TimeSpan.Zero || options.OperationTimeout <= TimeSpan.Zero)
        {
            throw new AgentConfigurationException("RedisOptions: FailureThreshold must be at least 1, and ProbeInterval and OperationTimeout positive.");
        }

        var configuration = RedisConnection.Parse(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        services.TryAddSingleton<RedisCircuit>();
        services.RemoveAll<IRateLimitStore>();
        services.AddSingleton<IRateLimitStore, RedisRateLimitStore>();
        services.RemoveAll<INonceStore>();
        services.AddSingleton<INonceStore, RedisNonceStore>();
        services.RemoveAll<ICallStateStore>();
        services.AddSingleton<ICallStateStore, RedisCallStateStore>();
        // The stores are IReplicaSharedStore: hosts see that and refuse per-process secrets.
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [AgentHealthTags.Ready]);
        return services;
    }
}
