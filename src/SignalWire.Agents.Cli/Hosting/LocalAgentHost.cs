using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
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

    /// <summary>Starts <paramref name="agent"/>; its log goes to standard error at <paramref name="logLevel"/> and above.</summary>
    public static async Task<LocalAgentHost> StartAsync(AgentBase agent, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var app = AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), [], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(logLevel);
            if (logLevel != LogLevel.None)
            {
                builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            }

            builder.Services.Configure<AgentHostingOptions>(hosting => hosting.StartupBanner = false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var listening = new Uri(app.Urls.Single());
        var settings = agent.Settings;
        var client = new HttpClient(new PlatformRequestHandler(settings, listening.Port) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = new Uri(listening, settings.Route + "/"),
            Timeout = settings.RequestTimeout + TimeSpan.FromSeconds(5),
        };
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(settings.BasicAuth.ToAuthorizationHeader());
        return new LocalAgentHost(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
