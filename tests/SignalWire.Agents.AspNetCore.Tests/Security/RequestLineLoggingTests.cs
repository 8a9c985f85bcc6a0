using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Tokens never reach the log through ASP.NET Core's request lines, whatever the application's logging set-up.</summary>
public sealed class RequestLineLoggingTests
{
    [Theory]
    [InlineData("Trace", null)]
    [InlineData("Information", "Information")]
    [InlineData("Debug", "Trace")]
    public async Task Inside_a_users_application_with_verbose_logging_no_token_is_logged(string defaultLevel, string? hostingLevel)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = defaultLevel,
            ["Logging:FakeLogger:LogLevel:Default"] = defaultLevel,
        };
        if (hostingLevel is not null)
        {
            settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = hostingLevel;
            settings["Logging:FakeLogger:LogLevel:Microsoft.AspNetCore.Hosting"] = hostingLevel;
        }

        var (app, client) = await StartUserApplicationAsync(settings);
        await using var _ = app;
        using var __ = client;

        var url = (await client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action");
        using var response = await client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("secret_action"));
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware" || r.Category == "SignalWire.Agents.Audit");
        var text = string.Join("\n", logs.Select(r => r.Message));
        Assert.DoesNotContain(HttpTestExtensions.TokenOf(url), text, StringComparison.Ordinal);
        Assert.DoesNotContain("__token", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("Information", true)]
    public async Task Framework_request_lines_are_off_by_default_and_configuration_turns_them_on(string? frameworkLevel, bool expectEndpointLines)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" };
        if (frameworkLevel is not null)
        {
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = frameworkLevel;
        }

        var (app, client) = await StartUserApplicationAsync(settings);
        await using var _ = app;
        using var __ = client;

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = "x" }));
        await app.StopAsync(TestContext.Current.CancellationToken);

        var logs = app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(logs, r => r.Category == "SignalWire.Agents.Audit" && r.Id.Id == 2002);
        Assert.Equal(expectEndpointLines, logs.Any(r => r.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware"));
        Assert.DoesNotContain(logs, r => r.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.Level < LogLevel.Warning);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Error", LogLevel.Error)]
    [InlineData("Information", LogLevel.Warning)]
    [InlineData("None", null)]
    public async Task The_hosting_category_is_off_unless_configuration_names_it_and_never_below_warning(string? configured, LogLevel? expectedMinimum)
    {
        // Off, not merely at Warning: while the category is enabled at any level, ASP.NET Core starts an Activity per request.
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" };
        if (configured is not null)
        {
            settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = configured;
        }

        var (app, client) = await StartUserApplicationAsync(settings);
        await using var _ = app;
        using var __ = client;

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        var enabled = Enum.GetValues<LogLevel>().Where(l => l != LogLevel.None && logger.IsEnabled(l)).ToList();
        Assert.Equal(expectedMinimum is { } minimum ? Enum.GetValues<LogLevel>().Where(l => l >= minimum && l != LogLevel.None) : [], enabled);
    }

    [Fact]
    public void An_application_whose_logger_ignores_the_filters_is_refused_at_start_up()
    {
        var agent = new TestAgent();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSignalWireAgent(agent);
        builder.Services.AddSingleton<ILoggerFactory, EverythingLoggerFactory>();
        using var app = builder.Build();

        var error = Assert.Throws<AgentConfigurationException>(() => app.MapAgent(agent));

        Assert.StartsWith("Agent 'test-agent': the logger writes 'Microsoft.AspNetCore.Hosting.Diagnostics' at Information", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A user's own application with <paramref name="configuration"/>, the fake log provider and a test agent mapped; and an authenticated client.</summary>
    private static async Task<(WebApplication App, HttpClient Client)> StartUserApplicationAsync(Dictionary<string, string?> configuration)
    {
        var agent = new TestAgent();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddSignalWireAgent(agent);
        var app = builder.Build();
        app.MapAgent(agent);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new("Basic", TestCredentials.EncodedPair);
        return (app, client);
    }

    /// <summary>A logging library that applies no Microsoft.Extensions.Logging filter: every category, every level.</summary>
    private sealed class EverythingLoggerFactory : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new EverythingLogger();

        public void Dispose()
        {
        }

        private sealed class EverythingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
