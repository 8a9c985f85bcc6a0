using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

/// <summary>The agent mounted inside an application the user builds, next to the user's own endpoints.</summary>
public sealed class MapAgentTests
{
    [Fact]
    public async Task Two_agents_and_a_user_endpoint_share_one_application()
    {
        var sales = new TestAgent(AgentTestServer.Options("sales", "/sales"));
        var support = new TestAgent(AgentTestServer.Options("support", "/support"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddSignalWireAgent(sales);
        await using var app = builder.Build();
        app.MapGet("/hello", () => "world");
        app.MapSignalWireHealth();
        var conventions = new List<string>();
        app.MapAgent<TestAgent>().Add(b => conventions.Add((b as Microsoft.AspNetCore.Routing.RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty));
        app.MapAgent(support);
        await app.StartAsync(TestContext.Current.CancellationToken);

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new("Basic", TestCredentials.EncodedPair);
        var salesDoc = await client.FetchSwmlAsync("call-1", "/sales");
        var supportDoc = await client.FetchSwmlAsync("call-1", "/support/");
        using var hello = await client.GetAsync("/hello", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
        using var salesCall = await client.PostJsonAsync("/sales/swaig", SwaigRequests.Call("echo", new() { ["text"] = "s" }));

        Assert.Contains("/sales/swaig/", salesDoc.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/support/swaig/", supportDoc.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("world", await hello.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, salesCall.StatusCode);
        Assert.Single(sales.Calls);
        Assert.Empty(support.Calls);
        Assert.Equal(["/sales/", "/sales/swaig", "/sales/post_prompt", "/sales/debug_events"], conventions);

        // A token minted by one agent does not open the other agent's secure tool, even with the same secret.
        var salesToken = HttpTestExtensions.TokenOf(salesDoc.FunctionUrl("secret_action"));
        using var crossAgent = await client.PostJsonAsync("/support/swaig?__token=" + salesToken, SwaigRequests.Call("secret_action"));
        Assert.Equal(HttpStatusCode.Forbidden, crossAgent.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_up_warns_about_a_generated_secret_and_password_without_logging_the_password()
    {
        var options = AgentTestServer.Options();
        options.SwaigSecret = null;
        options.BasicAuthUser = null;
        options.BasicAuthPassword = null;
        var agent = new TestAgent(options);
        await using var server = await AgentTestServer.StartAsync(agent);

        var warnings = server.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("SIGNALWIRE_SWAIG_SECRET", StringComparison.Ordinal) && m.Contains("replica", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("SWML_BASIC_AUTH_PASSWORD", StringComparison.Ordinal));
        Assert.DoesNotContain(agent.Settings.BasicAuth.Password, server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_whose_workflow_names_a_missing_tool_does_not_start()
    {
        var agent = new TestAgent().DefineContexts(c => c.AddContext("default").AddStep("a").SetText("a").SetFunctions(["refund"]));

        var error = await Assert.ThrowsAsync<AgentConfigurationException>(() => AgentTestServer.StartAsync(agent));

        Assert.StartsWith("Context 'default', step 'a' uses function 'refund', which the agent does not define.", error.Message, StringComparison.Ordinal);
    }
}
