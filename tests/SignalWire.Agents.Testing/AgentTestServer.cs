using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Testing;

/// <summary>
/// Runs an agent on real Kestrel bound to 127.0.0.1 on a free port, exactly as <c>agent.Run()</c> would,
/// and captures every log record so tests can check what was (and was not) logged.
/// </summary>
public sealed class AgentTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly AgentBase? _agent;

    private AgentTestServer(WebApplication app, AgentBase? agent, Uri baseAddress, FakeLogCollector logs)
    {
        _app = app;
        _agent = agent;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    /// <summary>The agent being served (not for an <see cref="AgentServer"/>, which serves several).</summary>
    public AgentBase Agent => _agent ?? throw new InvalidOperationException("This test server runs an AgentServer; use its agents.");

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application's services (for metrics collectors and the like).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Every log record written so far.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Default options for test agents: loopback, free port, fixed credentials and token secret.</summary>
    public static AgentOptions Options(string name = "test-agent", string route = "/") => new()
    {
        Name = name,
        Route = route,
        Host = "127.0.0.1",
        Port = 0,
        BasicAuthUser = TestCredentials.User,
        BasicAuthPassword = TestCredentials.Password,
        SwaigSecret = TestCredentials.SwaigSecret,
        // Tests read the audit trail from the logger; standard output stays readable.
        AuditLogPath = AgentSettings.NoAuditSink,
    };

    /// <summary>Starts <paramref name="agent"/> (whose options must bind 127.0.0.1, port 0).</summary>
    public static async Task<AgentTestServer> StartAsync(AgentBase agent, Action<WebApplicationBuilder>? configure = null)
    {
        return await StartAsync(AgentApplication.Create(agent, configure: CapturingLogs(configure)), agent);
    }

    /// <summary>Starts <paramref name="server"/> on 127.0.0.1 (a free port), capturing every log record like an agent's test server.</summary>
    public static async Task<AgentTestServer> StartAsync(AgentServer server, Action<WebApplicationBuilder>? configure = null)
    {
        return await StartAsync(server.CreateApplication(configure: CapturingLogs(configure)), null);
    }

    /// <summary>Every log record captured, at every level, no start-up banner, then the test's own configuration.</summary>
    private static Action<WebApplicationBuilder> CapturingLogs(Action<WebApplicationBuilder>? configure) => builder =>
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        // Hundreds of servers start during a test run; their "ready" banners would bury the runner's report.
        builder.Services.Configure<AgentHostingOptions>(hosting => hosting.StartupBanner = false);
        configure?.Invoke(builder);
    };

    private static async Task<AgentTestServer> StartAsync(WebApplication app, AgentBase? agent)
    {
        await app.StartAsync();
        var address = app.Urls.Single();
        return new AgentTestServer(app, agent, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<FakeLogCollector>());
    }

    /// <summary>A client for the server; authenticated with the test credentials unless <paramref name="authenticated"/> is false.</summary>
    public HttpClient CreateClient(bool authenticated = true, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);
        }

        return client;
    }

    /// <summary>All log text (messages and exception text) written so far.</summary>
    public string AllLogText() => string.Join(
        "\n",
        Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The credentials test agents use.</summary>
public static class TestCredentials
{
    /// <summary>User name.</summary>
    public const string User = "agent-user";

    /// <summary>Password (deliberately contains characters that need percent-encoding in URLs).</summary>
    public const string Password = "p@ss:w/rd+Secret#2026-with-enough-length";

    /// <summary>Token secret.</summary>
    public const string SwaigSecret = "test-swaig-secret-0123456789abcdef";

    /// <summary>Base64 of <c>user:password</c>.</summary>
    public static string EncodedPair => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(User + ":" + Password));
}
