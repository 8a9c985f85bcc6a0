using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>One route of an agent: a pattern below the agent's route, its methods and its handler.</summary>
internal sealed record AgentRoute(string Pattern, string[] Methods, RequestDelegate Handler, string DisplayName);

/// <summary>
/// Everything mapping one agent (or SWML service) produces: its pipeline, its HTTP handlers and its routes. The
/// static <c>MapAgent</c> adds the routes to the application; an <c>AgentServer</c> adds and removes them at run time.
/// </summary>
internal sealed class AgentRoutes
{
    private static readonly string[] SwmlMethods = [HttpMethods.Get, HttpMethods.Post];
    private static readonly string[] PostOnly = [HttpMethods.Post];
    private static readonly string[] FileMethods = [HttpMethods.Get, HttpMethods.Head];

    private AgentRoutes(AgentPipeline pipeline, AgentEndpoints handlers, string prefix, IReadOnlyList<AgentRoute> routes)
    {
        Pipeline = pipeline;
        Handlers = handlers;
        Prefix = prefix;
        Routes = routes;
    }

    public AgentPipeline Pipeline { get; }

    public AgentEndpoints Handlers { get; }

    /// <summary>The agent's route, <c>/</c> for the root.</summary>
    public string Prefix { get; }

    public IReadOnlyList<AgentRoute> Routes { get; }

    /// <summary>Checks the host can serve <paramref name="name"/> safely, registers its name and route, and builds its pipeline and routes.</summary>
    /// <exception cref="AgentConfigurationException">The configuration is unusable, or the name or route is taken on this application.</exception>
    public static AgentRoutes Build(IEndpointRouteBuilder endpoints, string name, AgentSettings settings, AgentOptions options, Func<AgentPipelineServices, AgentPipeline> createPipeline)
    {
        var clock = options.TimeProvider;
        var services = endpoints.ServiceProvider;
        var hosting = services.GetService<Microsoft.Extensions.Options.IOptions<AgentHostingOptions>>()?.Value;
        // Several replicas: said by the host, or implied by a store every replica shares (Redis).
        var sharedStore = services.GetService<RateLimiting.IRateLimitStore>() is Security.IReplicaSharedStore
            || services.GetService<Security.INonceStore>() is Security.IReplicaSharedStore || services.GetService<Security.ICallStateStore>() is Security.IReplicaSharedStore;
        if (hosting?.MultiReplica == true || sharedStore)
        {
            EnsureSharedSecrets(name, settings);
        }

        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(Log.Category);
        RequestLineLogging.EnsureSuppressed(loggerFactory, name);
        ScaleOutWarnings.Check(logger, name, Environment.GetEnvironmentVariable, sharedStore);
        MappedAgents.Register(endpoints, name, settings.Route);
        AgentPipeline pipeline;
        try
        {
            pipeline = createPipeline(new AgentPipelineServices
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
        }
        catch
        {
            MappedAgents.Unregister(endpoints, name);
            throw;
        }


        var agent = pipeline.Agent;
        // The schema check: on when asked for, else in Development.
        var checkSwml = options.ValidateSwml ?? services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
        var handlers = new AgentEndpoints(pipeline, loggerFactory, checkSwml ? new SwmlSchemaCheck(logger, agent.Name) : null);
        var routes = new List<AgentRoute>
        {
            // Route templates match with or without a trailing slash, so one pattern serves "/swaig" and "/swaig/".
            new("/", SwmlMethods, handlers.SwmlAsync, $"{agent.Name} SWML"),
        };
        if (pipeline.Service is null)
        {
            routes.Add(new("/swaig", PostOnly, handlers.SwaigAsync, $"{agent.Name} SWAIG"));
            routes.Add(new("/post_prompt", PostOnly, handlers.PostPromptAsync, $"{agent.Name} post_prompt"));
            routes.Add(new("/" + AgentBase.DebugEventsRoute, PostOnly, handlers.DebugEventsAsync, $"{agent.Name} debug_events"));
        }

        foreach (var mount in agent.StaticFiles)
        {
            routes.Add(new(mount.Route + "/{**path}", FileMethods, handlers.StaticFiles(endpoints, mount), $"{agent.Name} static {mount.Route}"));
        }

        var prefix = settings.Route.Length == 0 ? "/" : settings.Route;
        Log.AgentMapped(logger, agent.Name, prefix, settings.SslEnabled, settings.ProxyUrlBase?.ToString() ?? "(none)", settings.TrustProxyHeaders);
        if (settings.TokenSecretSource == CredentialSource.Generated && pipeline.Service is null)
        {
            Log.EphemeralTokenSecret(logger, agent.Name);
        }

        if (settings.BasicAuth.Source == CredentialSource.Generated)
        {
            Log.GeneratedPassword(logger, agent.Name, settings.BasicAuth.Username);
        }

        WarnAboutRotation(logger, agent.Name, settings);
        var mapped = new AgentRoutes(pipeline, handlers, prefix, routes);
        MappedAgents.Attach(endpoints, name, mapped);
        return mapped;
    }

    /// <summary>One warning per previous value still configured, with when it stops being accepted.</summary>
    private static void WarnAboutRotation(ILogger logger, string agent, AgentSettings settings)
    {
        static string Until(DateTimeOffset? until) =>
            until is { } at ? "until " + at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "until it is removed";

        if (settings.BasicAuth.PreviousCredentials is not null)
        {
            Log.PreviousCredentialAccepted(logger, agent, "Basic Auth password", EnvironmentVariables.PreviousBasicAuthPassword, Until(settings.BasicAuth.PreviousPasswordUntil));
        }

        if (settings.Tokens.HasPreviousSecret)
        {
            Log.PreviousCredentialAccepted(logger, agent, "token secret", EnvironmentVariables.PreviousSwaigSecret, Until(settings.Tokens.PreviousSecretUntil));
        }

        if (settings.PreviousSigningKey is not null)
        {
            Log.PreviousCredentialAccepted(logger, agent, "signing key", EnvironmentVariables.PreviousSigningKey, Until(settings.PreviousSigningKeyUntil));
        }
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
}
