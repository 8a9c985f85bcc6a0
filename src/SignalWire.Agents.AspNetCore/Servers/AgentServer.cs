using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.AspNetCore.Routing;
using SignalWire.Agents.AspNetCore.Servers;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// Several agents behind one listener: register and unregister them while the server runs (an unregistered
/// agent's routes answer 404 at once), each with its own route, credentials and limits, all through the same
/// security pipeline; one <c>/health</c> and one <c>/ready</c>; and, when switched on, SIP routing: a call made to
/// <c>sip:sales@…</c> is answered by the agent named or routed <c>sales</c>, whichever route the platform posted to.
/// </summary>
/// <remarks>
/// Standalone: <see cref="Run"/>. Inside your own application: <c>services.AddSignalWireAgentServer(server)</c> and
/// <c>app.MapAgentServer(server)</c> (map your health endpoints with <c>MapSignalWireHealth</c>).
/// </remarks>
public sealed partial class AgentServer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Registration> _agents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _sipNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AgentRoutes> _retired = [];
    private FrozenDictionary<string, string> _sipTable = FrozenDictionary<string, string>.Empty;
    private Func<SipRoutingRequest, string?>? _sipCallback;
    private bool _sipRouting;
    private IEndpointRouteBuilder? _endpoints;
    private AgentSettings? _hostSettings;

    /// <summary>Creates a server; <paramref name="hostOptions"/> set the listener when it runs standalone (host, port, TLS, limits).</summary>
    public AgentServer(AgentOptions? hostOptions = null)
    {
        HostOptions = hostOptions ?? new AgentOptions { Name = "agent-server" };
    }

    /// <summary>The listener's settings for <see cref="Run"/> (the agents' own options decide everything else).</summary>
    public AgentOptions HostOptions { get; }

    /// <summary>
    /// Agents whose Basic Auth pair is set nowhere (code, configuration, environment) share the server's pair —
    /// generated once and printed in the start-up banner — instead of generating one each, so that the platform
    /// needs one set of credentials and SIP routing can hand calls between them. Default on; set before mapping.
    /// </summary>
    public bool ShareCredentials { get; set; } = true;

    /// <summary>The server's own settings (resolved once): its listener and the shared credentials.</summary>
    internal AgentSettings HostSettings => LazyInitializer.EnsureInitialized(ref _hostSettings, () => AgentSettings.Resolve(HostOptions));

    /// <summary>The endpoints routing reads; changes as agents come and go.</summary>
    internal AgentServerEndpointDataSource DataSource { get; } = new();

    /// <summary>The registered agents, in route order.</summary>
    public IReadOnlyList<AgentBase> Agents
    {
        get
        {
            lock (_gate)
            {
                return [.. _agents.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Select(a => a.Value.Agent)];
            }
        }
    }

    /// <summary>The routes in use, each with its agent.</summary>
    public IReadOnlyDictionary<string, AgentBase> Routes
    {
        get
        {
            lock (_gate)
            {
                return _agents.ToDictionary(a => a.Key, a => a.Value.Agent, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>The agent at <paramref name="route"/> (<c>/sales</c>, <c>sales/</c> and <c>/SALES</c> are one route), or <see langword="null"/>.</summary>
    public AgentBase? GetAgent(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (_gate)
        {
            return _agents.TryGetValue(Normalize(route), out var registration) ? registration.Agent : null;
        }
    }

    /// <summary>
    /// Registers <paramref name="agent"/> at its route (<see cref="AgentOptions.Route"/>). Before the server is mapped it
    /// waits; afterwards it is served at once.
    /// </summary>
    /// <exception cref="AgentConfigurationException">Its route or name is taken, or its configuration is unusable.</exception>
    public AgentServer Register(AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var route = Normalize(agent.Options.Route);
        lock (_gate)
        {
            if (_agents.TryGetValue(route, out var taken))
            {
                throw new AgentConfigurationException($"Route {route} is already served by agent '{taken.Agent.Name}'; give agent '{agent.Name}' its own Route.");
            }

            if (_agents.Values.FirstOrDefault(r => string.Equals(r.Agent.Name, agent.Name, StringComparison.Ordinal)) is { } sameName)
            {
                throw new AgentConfigurationException($"An agent named '{agent.Name}' is already registered (at {Normalize(sameName.Agent.Options.Route)}); give each agent its own Name, since tokens, limits and audit lines are bound to it.");
            }

            var registration = new Registration(agent, _endpoints is null ? null : MapLocked(_endpoints, agent));
            _agents.Add(route, registration);
            PublishLocked();
        }

        return this;
    }

    /// <summary>Stops serving the agent at <paramref name="route"/>: its routes answer 404 from now on. <see langword="false"/> when none was there.</summary>
    public bool Unregister(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (_gate)
        {
            if (!_agents.Remove(Normalize(route), out var registration))
            {
                return false;
            }

            if (registration.Routes is { } routes)
            {
                MappedAgents.Unregister(_endpoints!, registration.Agent.Name);
                // Requests already inside it finish; its audit writer is drained when the application stops.
                _retired.Add(routes);
            }

            PublishLocked();
            return true;
        }
    }

    /// <summary>Stops serving <paramref name="agent"/>; <see langword="false"/> when it was not registered.</summary>
    public bool Unregister(AgentBase agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            var entry = _agents.FirstOrDefault(a => ReferenceEquals(a.Value.Agent, agent));
            return entry.Value is not null && Unregister(entry.Key);
        }
    }

    /// <summary>
    /// Switches SIP routing on: an SWML fetch whose <c>call.to</c> is a SIP URI (or a tel URI) is answered by the agent
    /// its user part names — a name given to <see cref="RegisterSipUsername"/>, else an agent's name or the last
    /// segment of its route, compared without case — provided the request's credentials are good for that agent too.
    /// </summary>
    public AgentServer EnableSipRouting()
    {
        lock (_gate)
        {
            _sipRouting = true;
            PublishLocked();
        }

        return this;
    }

    /// <summary>Routes calls to <c>sip:<paramref name="username"/>@…</c> to the agent at <paramref name="route"/> (and switches SIP routing on).</summary>
    /// <exception cref="ArgumentException">The user name is empty or contains <c>@</c>, <c>:</c> or white space.</exception>
    public AgentServer RegisterSipUsername(string username, string route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(route);
        if (username.Any(c => c is '@' or ':' or ';' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"SIP user name '{username}' may not contain '@', ':', ';' or white space.", nameof(username));
        }

        lock (_gate)
        {
            _sipNames[username] = Normalize(route);
            _sipRouting = true;
            PublishLocked();
        }

        return this;
    }

    /// <summary>
    /// Decides SIP routing in code (and switches it on): the callback returns the route that answers, or
    /// <see langword="null"/> to fall back to the user-name table. A route no agent serves is ignored.
    /// </summary>
    public AgentServer RouteSipCalls(Func<SipRoutingRequest, string?> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _sipCallback = callback;
            _sipRouting = true;
            PublishLocked();
        }

        return this;
    }

    /// <summary>The SIP user names and the routes they reach (registered and derived), for banners and diagnostics.</summary>
    public IReadOnlyDictionary<string, string> SipUsernames => Volatile.Read(ref _sipTable);

    /// <summary>Maps every agent registered so far onto <paramref name="endpoints"/>; later registrations are mapped as they come.</summary>
    internal void Attach(IEndpointRouteBuilder endpoints)
    {
        lock (_gate)
        {
            if (_endpoints is not null)
            {
                throw new InvalidOperationException("This AgentServer is already mapped onto an application.");
            }

            _endpoints = endpoints;
            foreach (var route in _agents.Keys.ToList())
            {
                _agents[route] = _agents[route] with { Routes = MapLocked(endpoints, _agents[route].Agent) };
            }

            PublishLocked();
        }
    }

    /// <summary>Pipelines of agents removed while running (drained at shutdown) and of those still registered.</summary>
    internal IEnumerable<AgentRoutes> AllRoutes()
    {
        lock (_gate)
        {
            return [.. _retired, .. _agents.Values.Select(r => r.Routes).OfType<AgentRoutes>()];
        }
    }

    /// <summary>A route as the server keys it: one leading slash, no trailing one (<c>/</c> for the root).</summary>
    private static string Normalize(string? route) => "/" + (route ?? string.Empty).Trim().Trim('/');

    private AgentRoutes MapLocked(IEndpointRouteBuilder endpoints, AgentBase agent)
    {
        AgentConfiguration.ApplyOnce(agent.Name, agent.Options, agent.SettingsResolved, endpoints.ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>());
        if (ShareCredentials && !agent.SettingsResolved && agent.Options is { BasicAuthUser: null, BasicAuthPassword: null }
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariables.BasicAuthPassword)))
        {
            var shared = HostSettings.BasicAuth;
            agent.Options.BasicAuthUser = shared.Username;
            agent.Options.BasicAuthPassword = shared.Password;
        }

        agent.ValidateConfiguration();
        var routes = AgentRoutes.Build(endpoints, agent.Name, agent.Settings, agent.Options, services => new Pipeline.AgentPipeline(agent, services));
        AnnounceIfStarted(endpoints.ServiceProvider, agent, routes.Prefix);
        return routes;
    }

    /// <summary>Rebuilds the endpoint list, the SIP table and each agent's router from the registrations (under the lock).</summary>
    private void PublishLocked()
    {
        var mapped = _agents.Where(a => a.Value.Routes is not null).ToList();
        Volatile.Write(ref _sipTable, _sipRouting ? SipRouting.Table(_sipNames, _agents.Select(a => (a.Key, a.Value.Agent))) : FrozenDictionary<string, string>.Empty);
        var handlers = mapped.ToFrozenDictionary(a => a.Key, a => a.Value.Routes!.Handlers, StringComparer.OrdinalIgnoreCase);
        var endpoints = new List<Endpoint>();
        foreach (var (route, registration) in mapped)
        {
            var routes = registration.Routes!;
            routes.Handlers.SipRouter = _sipRouting ? Router(route, handlers) : null;
            var prefix = RoutePatternFactory.Parse(routes.Prefix);
            foreach (var endpoint in routes.Routes)
            {
                var builder = new RouteEndpointBuilder(endpoint.Handler, RoutePatternFactory.Combine(prefix, RoutePatternFactory.Parse(endpoint.Pattern)), order: 0)
                {
                    DisplayName = endpoint.DisplayName,
                };
                builder.Metadata.Add(new HttpMethodMetadata(endpoint.Methods));
                endpoints.Add(builder.Build());
            }
        }

        DataSource.Replace(endpoints);
    }

    /// <summary>The SIP router of the agent at <paramref name="receivedAt"/>: callback first, then the user-name table.</summary>
    private Func<SwmlFetch, AgentEndpoints?> Router(string receivedAt, FrozenDictionary<string, AgentEndpoints> handlers)
    {
        var table = Volatile.Read(ref _sipTable);
        var callback = _sipCallback;
        return fetch =>
        {
            if (SipRouting.UserPart(fetch.To!) is not { } user)
            {
                return null;
            }

            var route = callback?.Invoke(new SipRoutingRequest(fetch.To!, user, fetch.From, fetch.CallId, receivedAt)) is { } chosen
                && handlers.ContainsKey(Normalize(chosen)) ? Normalize(chosen)
                : table.GetValueOrDefault(user);
            return route is not null && handlers.TryGetValue(route, out var target) ? target : null;
        };
    }

    private sealed record Registration(AgentBase Agent, AgentRoutes? Routes);
}
