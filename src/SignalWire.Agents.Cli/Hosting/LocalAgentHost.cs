using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>
/// Runs an agent's real request pipeline (Basic Auth, signatures, tokens, validation, rate limits, handler)
/// on Kestrel bound to 127.0.0.1 on a free port for the life of one command, and a client that talks to it
/// as the SignalWire platform would.
/// </summary>
internal sealed class LocalAgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalAgentHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client whose base address is the agent's route (ending in <c>/</c>), authenticated with the agent's credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Starts <paramref name="agent"/>; its log goes to standard error at <paramref name="logLevel"/> and above. With a
    /// <paramref name="simulation"/>, requests carry that platform's headers, and for Azure Functions the agent is served
    /// as the SDK's Functions handler serves it: below <c>/api</c>, after the worker's forwarded-headers step.
    /// </summary>
    public static async Task<LocalAgentHost> StartAsync(AgentBase agent, LogLevel logLevel, CancellationToken cancellationToken, ServerlessSimulation? simulation = null)
    {
        void Configure(WebApplicationBuilder builder)
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(logLevel);
            if (logLevel != LogLevel.None)
            {
                builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            }

            builder.Services.Configure<AgentHostingOptions>(hosting => hosting.StartupBanner = false);
        }

        var prefix = simulation?.PathPrefix ?? string.Empty;
        var app = prefix.Length == 0 ? AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), [], Configure) : FunctionsWorker(agent, prefix, Configure);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var listening = new Uri(app.Urls.Single());
        var settings = agent.Settings;
        var client = new HttpClient(new PlatformRequestHandler(settings, listening.Port, simulation) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = new Uri(listening, prefix + settings.Route + "/"),
            Timeout = settings.RequestTimeout + TimeSpan.FromSeconds(5),
        };
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(settings.BasicAuth.ToAuthorizationHeader());
        return new LocalAgentHost(app, client);
    }

    /// <summary>An isolated Functions worker's HTTP path: the host's forwarded headers applied, then one catch-all trigger below <paramref name="prefix"/>.</summary>
    private static WebApplication FunctionsWorker(AgentBase agent, string prefix, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        configure(builder);
        builder.Services.AddSignalWireAgent(agent);
        var app = builder.Build();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All });
        var handler = AgentRequestHandler.Create(app.Services, endpoints =>
        {
            endpoints.MapSignalWireHealth();
            endpoints.MapAgent(agent);
        });
        app.Run(context => handler.HandleAsync(context, prefix));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
