using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

public sealed class AuditSinkDefaultsTests
{
    [Theory]
    [InlineData(null, null, true, null)]
    [InlineData("-", null, true, null)]
    [InlineData(null, "-", true, null)]
    [InlineData("none", null, false, null)]
    [InlineData(null, "NONE", false, null)]
    [InlineData("/var/log/agent/audit.jsonl", "-", false, "/var/log/agent/audit.jsonl")]
    [InlineData(null, "/tmp/a.jsonl", false, "/tmp/a.jsonl")]
    public void The_audit_trail_goes_to_standard_output_unless_told_otherwise(string? option, string? environment, bool toStandardOutput, string? file)
    {
        var settings = AgentSettings.Resolve(
            new AgentOptions { AuditLogPath = option, SwaigSecret = "s" },
            name => name == EnvironmentVariables.AuditLogPath ? environment : null);

        Assert.Equal((toStandardOutput, file), (settings.AuditToStandardOutput, settings.AuditLogPath));
    }

    [Fact]
    public async Task The_console_logger_does_not_repeat_the_audit_trail_by_default()
    {
        var console = await RefusedRequestAsync([]);

        Assert.DoesNotContain(AuditEvents.Category, console.Categories);
        Assert.Contains("SignalWire.Agents", console.Categories);
    }

    [Fact]
    public async Task Configuration_can_send_the_audit_trail_to_the_console_logger_again()
    {
        var console = await RefusedRequestAsync([$"--Logging:Console:LogLevel:{AuditEvents.Category}=Information"]);

        Assert.Contains(AuditEvents.Category, console.Categories);
    }

    private static async Task<ConsoleStandIn> RefusedRequestAsync(string[] args)
    {
        var console = new ConsoleStandIn();
        var agent = new AgentBase(Testing.AgentTestServer.Options());
        await using var app = AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(console);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return console;
    }

    /// <summary>Stands in for the console logger: log filter rules name providers by this alias.</summary>
    [ProviderAlias("Console")]
    private sealed class ConsoleStandIn : ILoggerProvider
    {
        public ConcurrentBag<string> Categories { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConsoleStandIn owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Categories.Add(category);
        }
    }
}
