using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

public sealed class ConfigurationTests
{
    private const string ConfiguredUser = "cfg-user";
    private const string ConfiguredPassword = "configured-password-0123456789";

    private static AgentOptions Unconfigured() => new() { Name = "cfg", SwaigSecret = TestCredentials.SwaigSecret };

    private static string[] Args(params string[] pairs) => [.. pairs.Select(p => $"--{AgentConfiguration.SectionName}:{p}")];

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(AgentBase agent, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), args, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    private static HttpRequestMessage Swml(string user, string password) => new(HttpMethod.Post, "/")
    {
        Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
    };

    [Fact]
    public async Task The_section_from_the_command_line_sets_credentials_and_limits()
    {
        var agent = new AgentBase(Unconfigured());
        var (app, client) = await StartAsync(agent, Args($"BasicAuthUser={ConfiguredUser}", $"BasicAuthPassword={ConfiguredPassword}", "MaxRequestBodySize=2048", "TokenLifetime=00:05:00"));
        await using var _ = app;
        using var __ = client;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Swml(ConfiguredUser, ConfiguredPassword), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Swml(ConfiguredUser, "wrong-password-0123456789abc"), TestContext.Current.CancellationToken)).StatusCode);
        var big = Swml(ConfiguredUser, ConfiguredPassword);
        big.Content = new StringContent("{\"pad\":\"" + new string('x', 4096) + "\"}", Encoding.UTF8, "application/json");
        var refused = await client.SendAsync(big, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("""{"error":"Request body too large"}""", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((CredentialSource.Options, 2048L, TimeSpan.FromMinutes(5)), (agent.Settings.BasicAuth.Source, agent.Settings.MaxRequestBodySize, agent.Settings.Tokens.Lifetime));
    }

    [Fact]
    public async Task A_source_added_by_configure_applies_too()
    {
        var agent = new AgentBase(Unconfigured());
        var (app, client) = await StartAsync(agent, [], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AgentConfiguration.SectionName}:BasicAuthUser"] = ConfiguredUser,
            [$"{AgentConfiguration.SectionName}:BasicAuthPassword"] = ConfiguredPassword,
            [$"{AgentConfiguration.SectionName}:AllowedHosts:0"] = "agent.example.com",
        }));
        await using var _ = app;
        using var __ = client;

        var wrongHost = Swml(ConfiguredUser, ConfiguredPassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(wrongHost, TestContext.Current.CancellationToken)).StatusCode);
        var rightHost = Swml(ConfiguredUser, ConfiguredPassword);
        rightHost.Headers.Host = "agent.example.com";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(rightHost, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(["agent.example.com"], agent.Settings.AllowedHosts);
    }

    [Fact]
    public async Task A_value_set_in_code_wins_over_the_section()
    {
        var options = Unconfigured();
        options.BasicAuthUser = TestCredentials.User;
        options.BasicAuthPassword = TestCredentials.Password;
        options.MaxRequestBodySize = 4096;
        var agent = new AgentBase(options);
        var (app, client) = await StartAsync(agent, Args($"BasicAuthUser={ConfiguredUser}", $"BasicAuthPassword={ConfiguredPassword}", "MaxRequestBodySize=100", "EmergencyMode=true"));
        await using var _ = app;
        using var __ = client;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Swml(TestCredentials.User, TestCredentials.Password), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Swml(ConfiguredUser, ConfiguredPassword), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal((4096L, true), (agent.Settings.MaxRequestBodySize, agent.Settings.EmergencyMode));
    }

    [Fact]
    public void The_section_wins_over_the_legacy_environment_variables()
    {
        var options = Unconfigured();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AgentConfiguration.SectionName}:MaxRequestBodySize"] = "5000",
            [$"{AgentConfiguration.SectionName}:BasicAuthPassword"] = ConfiguredPassword,
        }).Build();
        var environment = new Dictionary<string, string>
        {
            [EnvironmentVariables.MaxRequestSize] = "9000",
            [EnvironmentVariables.AuthFailureLimit] = "7",
            [EnvironmentVariables.BasicAuthPassword] = "env-password-0123456789abcdef",
        };

        Assert.True(AgentConfiguration.Apply(options, configuration));
        var settings = AgentSettings.Resolve(options, name => environment.GetValueOrDefault(name));

        Assert.Equal((5000L, 7, ConfiguredPassword), (settings.MaxRequestBodySize, settings.AuthFailureLimit, settings.BasicAuth.Password));
        Assert.Equal(BasicAuthCredentials.DefaultUser, settings.BasicAuth.Username);
    }

    [Fact]
    public void The_destination_policy_and_call_limit_bind_from_the_section_value_by_value_under_code()
    {
        var options = Unconfigured();
        options.Destinations = new SignalWire.Agents.Destinations.DestinationPolicy { MaxTransfersPerCall = 1 };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AgentConfiguration.SectionName}:Destinations:AllowedCountries:0"] = "US",
            [$"{AgentConfiguration.SectionName}:Destinations:AllowedCountries:1"] = "CA",
            [$"{AgentConfiguration.SectionName}:Destinations:AllowedSipDomains:0"] = "pbx.example.com",
            [$"{AgentConfiguration.SectionName}:Destinations:MaxTransfersPerCall"] = "4",
            [$"{AgentConfiguration.SectionName}:Destinations:MaxMessagesPerCall"] = "0",
            [$"{AgentConfiguration.SectionName}:CallsPerCaller"] = "12",
            [$"{AgentConfiguration.SectionName}:CallsPerCallerWindow"] = "00:10:00",
        }).Build();

        Assert.True(AgentConfiguration.Apply(options, configuration));
        var settings = AgentSettings.Resolve(options, _ => null);

        Assert.Equal(["US", "CA"], settings.Destinations.AllowedCountries);
        Assert.Equal(["pbx.example.com"], settings.Destinations.AllowedSipDomains);
        Assert.Equal((1, 0, true), (settings.Destinations.MaxTransfersPerCall, settings.Destinations.MaxMessagesPerCall, settings.Destinations.BlockHighCostNumbers));
        Assert.Equal((12, TimeSpan.FromMinutes(10)), (settings.CallsPerCaller, settings.CallsPerCallerWindow));
    }

    [Fact]
    public void An_unreadable_value_stops_the_start_naming_the_key()
    {
        var agent = new AgentBase(Unconfigured());

        var ex = Assert.Throws<AgentConfigurationException>(() => AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), Args("Port=eighty")));

        Assert.Contains("SignalWire:Agent:Port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_that_would_be_ignored_is_an_error_not_silence()
    {
        var agent = new AgentBase(Unconfigured());
        _ = agent.Settings;

        var ex = Assert.Throws<AgentConfigurationException>(() => AgentApplication.Create(agent, new IPEndPoint(IPAddress.Loopback, 0), Args("Port=8080")));

        Assert.Equal(
            "Agent 'cfg': its settings were read before the 'SignalWire:Agent' configuration could apply, so that configuration would be ignored. Read agent.Settings only after the application is built, or set those values in code.",
            ex.Message);
    }

    [Fact]
    public async Task A_registered_agent_with_an_unusable_setting_stops_the_host_at_start()
    {
        var builder = WebApplication.CreateSlimBuilder(Args("MaxRequestBodySize=-5"));
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Services.AddSignalWireAgent(new AgentBase(Unconfigured()));
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("The request body limit must be a positive number of bytes.", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task A_container_created_agent_gets_its_options_from_the_section()
    {
        var builder = WebApplication.CreateSlimBuilder(Args($"BasicAuthUser={ConfiguredUser}", $"BasicAuthPassword={ConfiguredPassword}", "Port=0", "Host=127.0.0.1"));
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Services.AddSignalWireAgent<OptionsAgent>();
        await using var app = builder.Build();
        app.MapAgent<OptionsAgent>();
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Swml(ConfiguredUser, ConfiguredPassword), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("options-agent", app.Services.GetRequiredService<OptionsAgent>().Name);
    }

    private sealed class OptionsAgent(IOptions<AgentOptions> options) : AgentBase(With(options.Value))
    {
        private static AgentOptions With(AgentOptions options)
        {
            options.Name = "options-agent";
            return options;
        }
    }
}
