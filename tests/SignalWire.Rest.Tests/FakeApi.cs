using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SignalWire.Rest.Tests;

/// <summary>A fake SignalWire API on loopback and a client pointed at it, logging into a collector.</summary>
internal sealed class FakeApi : IAsyncDisposable
{
    public const string Project = "b3f1c2d4-0000-4000-8000-000000000001";
    public const string Token = "PT-test-token-do-not-log-0123456789";

    private FakeApi(FakeWebServer server, SignalWireClient client, FakeLogCollector logs)
    {
        Server = server;
        Client = client;
        Logs = logs;
    }

    public FakeWebServer Server { get; }

    public SignalWireClient Client { get; }

    public FakeLogCollector Logs { get; }

    public static string Basic => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Project + ":" + Token));

    public static async Task<FakeApi> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplication> map, Action<SignalWireRestOptions>? configure = null)
    {
        var server = await FakeWebServer.StartAsync(map);
        var logs = new FakeLogCollector();
        var options = new SignalWireRestOptions { ProjectId = Project, ApiToken = Token, BaseAddress = server.BaseAddress, AttemptTimeout = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(options);
        var client = SignalWireClient.Create(options, LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
        return new FakeApi(server, client, logs);
    }

    public string LogText() => string.Join("\n", Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
