using System.Net;
using FunctionsAgentExample;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.AzureFunctions.Tests;

/// <summary>What differs in a function app: scale-out secrets, a front door's public URL, several agents, timeouts, failures.</summary>
public sealed class FunctionsHostingTests
{
    [Fact]
    public async Task A_generated_token_secret_or_password_stops_the_worker_from_starting()
    {
        var options = AgentTestServer.Options("appointment-desk");
        options.SwaigSecret = null;

        var failure = await Assert.ThrowsAsync<AgentConfigurationException>(() => FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(new AppointmentDesk(options))));

        Assert.Contains("SWAIG_SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_front_door_webhooks_use_the_configured_public_prefix()
    {
        var options = AgentTestServer.Options("appointment-desk");
        options.ProxyUrlBase = new Uri("https://clinic.example.com/voice/");
        await using var host = await FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(new AppointmentDesk(options)));
        using var client = host.CreateClient();

        var swml = await client.FetchSwmlAsync("call-1", "api/");

        Assert.Equal(
            $"https://{TestCredentials.User}:{Uri.EscapeDataString(TestCredentials.Password)}@clinic.example.com/voice/swaig/",
            swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_agent_of_a_server_is_served_below_the_function_on_its_own_route()
    {
        var server = new AgentServer()
            .Register(new AppointmentDesk(AgentTestServer.Options("appointment-desk")))
            .Register(new TestAgent(AgentTestServer.Options("vault", "/vault")));
        await using var host = await FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(server));
        using var client = host.CreateClient();

        var vault = await client.FetchSwmlAsync("call-1", "api/vault");
        using var echo = await client.PostJsonAsync("api/vault/swaig", SwaigRequests.Call("echo", new() { ["text"] = "hi" }));
        using var desk = await client.PostJsonAsync("api/swaig", SwaigRequests.Call("check_availability", new() { ["day"] = "2026-12-02" }));

        Assert.EndsWith("@clinic-agent.azurewebsites.net/api/vault/swaig/", vault.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"response":"echo: hi","action":[{"say":"hi"}]}""", await echo.ReadTextAsync());
        Assert.Equal("""{"response":"Free on 2026-12-02: 09:00, 10:30, 14:00, 15:30."}""", await desk.ReadTextAsync());
    }

    [Fact]
    public async Task A_tool_that_runs_past_the_agents_request_timeout_is_answered_504_as_json()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300)));
        await using var host = await FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(agent));
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("api/swaig", SwaigRequests.Call("slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("""{"error":"Request timed out"}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task A_failing_handler_is_logged_once_and_answered_with_the_generic_apology()
    {
        await using var host = await FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(new TestAgent(AgentTestServer.Options())));
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("api/swaig", SwaigRequests.Call("explode"));
        var body = await response.ReadTextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"Sorry, that action could not be completed because of an internal error. Please try again later."}""", body);
        var record = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.IsType<InvalidOperationException>(record.Exception);
    }
}
