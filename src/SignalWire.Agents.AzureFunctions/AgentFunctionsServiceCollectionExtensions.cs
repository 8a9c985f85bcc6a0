using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.AzureFunctions;

/// <summary>Registers agents for an Azure Functions app (isolated worker with <c>ConfigureFunctionsWebApplication()</c>).</summary>
public static class AgentFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="agent"/> (as <c>AddSignalWireAgent</c> does) and the <see cref="SignalWireFunctionHandler"/>
    /// that serves it, with <c>/health</c> and <c>/ready</c>, under the function's route. Requests time out after the
    /// agent's <c>RequestTimeout</c> (504, JSON); the Functions host's own <c>functionTimeout</c> still applies. The
    /// agent is mapped when the worker starts; as every instance of a scaled-out app must accept the others' tokens
    /// and credentials, a generated token secret or password stops the start (set <c>SIGNALWIRE_SWAIG_SECRET</c>,
    /// <c>SWML_BASIC_AUTH_USER</c> and <c>SWML_BASIC_AUTH_PASSWORD</c> in the app's settings).
    /// </summary>
    public static IServiceCollection AddSignalWireFunctions<TAgent>(this IServiceCollection services, TAgent agent)
        where TAgent : AgentBase
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        services.AddSignalWireAgent(agent);
        return services.AddHandler(endpoints => endpoints.MapAgent(agent), () => agent.Settings.RequestTimeout);
    }

    /// <summary>
    /// Registers every agent of <paramref name="server"/> (as <c>AddSignalWireAgentServer</c> does, SIP routing included)
    /// and the <see cref="SignalWireFunctionHandler"/> that serves them, with <c>/health</c> and <c>/ready</c>, each under
    /// its route below the function's. Requests time out after the longest <c>RequestTimeout</c> of the server's agents.
    /// </summary>
    public static IServiceCollection AddSignalWireFunctions(this IServiceCollection services, AgentServer server)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(server);
        services.AddSignalWireAgentServer(server);
        return services.AddHandler(
            endpoints => endpoints.MapAgentServer(server),
            () => server.Agents.Count == 0 ? DefaultTimeout : server.Agents.Max(agent => agent.Settings.RequestTimeout));
    }

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static IServiceCollection AddHandler(this IServiceCollection services, Action<IEndpointRouteBuilder> map, Func<TimeSpan> timeout)
    {
        // A function app scales out to many instances, so per-process secrets are refused at start-up: the token
        // secret and the Basic Auth credentials must come from the app's settings.
        services.Configure<AgentHostingOptions>(hosting =>
        {
            hosting.MultiReplica = true;
            // The worker listens on a private port the Functions host proxies to: that URL is no use to anyone.
            hosting.StartupBanner = false;
        });
        services.AddHostedService<FunctionHandlerWarmup>();

        // Read when the first request arrives, after mapping has resolved the agents' settings from configuration.
        services.AddOptions<RequestTimeoutOptions>().Configure(options => options.DefaultPolicy ??= AgentRequestTimeouts.GatewayTimeout(timeout()));
        services.AddSingleton(provider => new SignalWireFunctionHandler(AgentRequestHandler.Create(provider, endpoints =>
        {
            endpoints.MapSignalWireHealth();
            map(endpoints);
        })));
        return services;
    }
}
