using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SignalWire.Relay.Tests;

/// <summary>A fake server and a client pointed at it, logging into a collector.</summary>
internal sealed class RelayTest : IAsyncDisposable
{
    public const string Project = "0f6e8c52-0000-4000-8000-00000000feed";
    public const string Token = "PT-relay-token-do-not-log-0123";

    private RelayTest(FakeRelayServer server, RelayClient client, FakeLogCollector logs) => (Server, Client, Logs) = (server, client, logs);

    public FakeRelayServer Server { get; }

    public RelayClient Client { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<RelayTest> StartAsync(Action<RelayOptions>? configure = null)
    {
        var server = await FakeRelayServer.StartAsync();
        var options = new RelayOptions { ProjectId = Project, ApiToken = Token, Space = server.Address.ToString(), ReconnectDelay = TimeSpan.FromMilliseconds(50), RequestTimeout = TimeSpan.FromSeconds(3) };
        options.Contexts.Add("office");
        configure?.Invoke(options);
        var logs = new FakeLogCollector();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        return new RelayTest(server, new RelayClient(options, factory.CreateLogger<RelayClient>()), logs);
    }

    public string LogText() => string.Join("\n", Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message} {r.Exception}"));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
