using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Hosting;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Security;

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

    /// <summary>Checks the host can serve <paramref name="name"/> safely, then builds its pipeline and maps its routes.</summary>
    private static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string name, AgentSettings settings, AgentOptions options, Func<AgentPipelineServices, AgentPipeline> createPipeline)
    {
        var clock = options.TimeProvider;
        var services = endpoints.ServiceProvider;
        var hosting = services.GetService<Microsoft.Extensions.Options.IOptions<AgentHostingOptions>>()?.Value;
        if (hosting?.MultiReplica == true)
        {
            EnsureSharedSecrets(name, settings);
        }

        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(Log.Category);
        RequestLineLogging.EnsureSuppressed(loggerFactory, name);
        Routing.MappedAgents.Register(endpoints, name, settings.Route);
        var pipeline = createPipeline(new AgentPipelineServices
        {
            Loggers = loggerFactory,
            // The agent's own clock (AgentOptions.TimeProvider) drives every in-process gate when set, so the
            // host's in-memory stores (on the host's clock) give way to the pipeline's own; shared stores stay.
            Time = clock ?? services.GetService<TimeProvider>() ?? TimeProvider.System,
            RateLimits = services.GetService<IRateLimitStore>() is var store && !(clock is not null && store is InMemoryRateLimitStore) ? store : null,
            Nonces = services.GetService<INonceStore>() is var nonces && !(clock is not null && nonces is InMemoryNonceStore) ? nonces : null,
            CallState = services.GetService<ICallStateStore>() is var callState && !(clock is not null && callState is InMemoryCallStateStore) ? callState : null,
            Metrics = services.GetService<AgentMetrics>(),
        });
        var agent = pipeline.Agent;
        // The schema check: on when asked for, else in Development.
        var checkSwml = options.ValidateSwml ?? services.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.IsDevelopment() ?? false;
        var handlers = new Routing.AgentEndpoints(pipeline, loggerFactory, checkSwml ? new SwmlSchemaCheck(logger, agent.Name) : null);

        var group = endpoints.MapGroup(settings.Route.Length == 0 ? "/" : settings.Route);
        string[] swmlMethods = [HttpMethods.Get, HttpMethods.Post];
        // Route templates match with or without a trailing slash, so one pattern serves "/swaig" and "/swaig/".
        group.MapMethods("/", swmlMethods, handlers.SwmlAsync).WithDisplayName($"{agent.Name} SWML");

        if (pipeline.Service is null)
        {
            group.MapPost("/swaig", handlers.SwaigAsync).WithDisplayName($"{agent.Name} SWAIG");
            group.MapPost("/post_prompt", handlers.PostPromptAsync).WithDisplayName($"{agent.Name} post_prompt");
            group.MapPost("/" + AgentBase.DebugEventsRoute, handlers.DebugEventsAsync).WithDisplayName($"{agent.Name} debug_events");
        }

        foreach (var mount in agent.StaticFiles)
        {
            group.MapMethods(mount.Route + "/{**path}", [HttpMethods.Get, HttpMethods.Head], handlers.StaticFiles(endpoints, mount)).WithDisplayName($"{agent.Name} static {mount.Route}");
        }

        Log.AgentMapped(logger, agent.Name, settings.Route.Length == 0 ? "/" : settings.Route, settings.SslEnabled,
            settings.ProxyUrlBase?.ToString() ?? "(none)", settings.TrustProxyHeaders);
        if (settings.TokenSecretSource == CredentialSource.Generated && pipeline.Service is null)
        {
            Log.EphemeralTokenSecret(logger, agent.Name);
        }

        if (settings.BasicAuth.Source == CredentialSource.Generated)
        {
            Log.GeneratedPassword(logger, agent.Name, settings.BasicAuth.Username);
        }

        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            if (hosting?.StartupBanner != false && services.GetService<IServer>() is { } server)
            {
                lifetime.ApplicationStarted.Register(() =>
                    StartupBanner.Write(Console.Out, agent, server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
            }

            // Drain the audit file once requests have finished.
            lifetime.ApplicationStopped.Register(() => pipeline.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5)));
        }

        return group;
    }

    private static void EnsureSharedSecrets(string agent, AgentSettings settings)
    {
        if (settings.TokenSecretSource == CredentialSource.Generated)
        {
            throw new AgentConfigurationException(
                $"Agent '{agent}' runs as one of several replicas, so secure-tool tokens must validate on every replica: set {EnvironmentVariables.SwaigSecret} (or AgentOptions.SwaigSecret) to the same secret everywhere.");
        }

        if (settings.BasicAuth.Source == CredentialSource.Generated)
        {
            throw new AgentConfigurationException(
                $"Agent '{agent}' runs as one of several replicas, so a generated Basic Auth password would differ on each: set {EnvironmentVariables.BasicAuthUser} and {EnvironmentVariables.BasicAuthPassword} (or the options) to the same credentials everywhere.");
        }
    }

    /// <summary>Maps the agent registered with <see cref="AgentServiceCollectionExtensions.AddSignalWireAgent{TAgent}(IServiceCollection)"/>.</summary>
    public static IEndpointConventionBuilder MapAgent<TAgent>(this IEndpointRouteBuilder endpoints)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapAgent(endpoints.ServiceProvider.GetRequiredService<TAgent>());
    }
}
