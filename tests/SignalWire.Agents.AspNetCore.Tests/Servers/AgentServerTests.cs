using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Tests.Servers;

/// <summary>Several agents on one server over real HTTP: routes, credentials, runtime registration, health.</summary>
public sealed class AgentServerTests
{
    internal static AgentOptions HostOptions() => new() { Name = "agent-server", Host = "127.0.0.1", Port = 0, AuditLogPath = AgentSettings.NoAuditSink };

    internal static AgentBase Department(string name, string route, string? password = null)
    {
        var options = AgentTestServer.Options(name, route);
        if (password is not null)
        {
            options.BasicAuthPassword = password;
        }

        var agent = new AgentBase(options);
        agent.PromptAddSection("Role", $"You are the {name} desk.");
        agent.DefineTool("whoami", "Say which desk answers", null, (_, _, _) => ValueTask.FromResult(new FunctionResult($"this is {name}")));
        return agent;
    }

    internal static string RoleOf(JsonObject swml) => swml.Ai()["prompt"]!["pom"]![0]!["body"]!.GetValue<string>();

    private static async Task<string> WhoAmIAsync(HttpClient client, string route)
    {
        using var response = await client.PostJsonAsync(route.TrimEnd('/') + "/swaig", SwaigRequests.Call("whoami"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadTextAsync();
    }

    [Fact]
    public async Task Each_agent_answers_at_its_own_route_and_the_server_has_one_health_and_ready()
    {
        var server = new AgentServer(HostOptions())
            .Register(Department("reception", "/"))
            .Register(Department("sales", "/sales"))
            .Register(Department("support", "/support"));
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        Assert.Equal("You are the reception desk.", RoleOf(await client.FetchSwmlAsync("call-1")));
        Assert.Equal("You are the sales desk.", RoleOf(await client.FetchSwmlAsync("call-2", "/sales")));
        Assert.Equal("You are the support desk.", RoleOf(await client.FetchSwmlAsync("call-3", "/support/")));
        Assert.Equal("""{"response":"this is sales"}""", await WhoAmIAsync(client, "/sales"));
        Assert.Equal("""{"response":"this is reception"}""", await WhoAmIAsync(client, "/"));
        Assert.Equal("/sales/swaig/", new Uri((await client.FetchSwmlAsync("call-4", "/sales")).Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>()).AbsolutePath);

        using var anonymous = host.CreateClient(authenticated: false);
        Assert.Equal("""{"status":"healthy"}""", await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"ready"}""", await anonymous.GetStringAsync(new Uri("/ready", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(["reception", "sales", "support"], server.Agents.Select(a => a.Name));
        Assert.Equal("sales", server.GetAgent("SALES/")!.Name);
    }

    [Fact]
    public async Task Unregistering_unmaps_the_routes_at_once_and_the_route_can_be_used_again()
    {
        var server = new AgentServer(HostOptions()).Register(Department("reception", "/")).Register(Department("sales", "/sales"));
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();
        await client.FetchSwmlAsync("call-1", "/sales");

        Assert.True(server.Unregister("/sales"));
        Assert.False(server.Unregister("/sales"));

        using var swml = await client.PostJsonAsync("/sales", SwaigRequests.SwmlFetch("call-2"));
        using var swaig = await client.PostJsonAsync("/sales/swaig", SwaigRequests.Call("whoami"));
        Assert.Equal((HttpStatusCode.NotFound, """{"error":"Not found"}"""), (swml.StatusCode, await swml.ReadTextAsync()));
        Assert.Equal((HttpStatusCode.NotFound, """{"error":"Not found"}"""), (swaig.StatusCode, await swaig.ReadTextAsync()));
        Assert.Equal("""{"response":"this is reception"}""", await WhoAmIAsync(client, "/"));

        server.Register(Department("sales", "/sales"));
        Assert.Equal("""{"response":"this is sales"}""", await WhoAmIAsync(client, "/sales"));
    }

    [Fact]
    public async Task An_agent_registered_while_running_is_served_at_once()
    {
        var server = new AgentServer(HostOptions()).Register(Department("reception", "/"));
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();
        using (var before = await client.PostJsonAsync("/billing/swaig", SwaigRequests.Call("whoami")))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        server.Register(Department("billing", "/billing"));

        Assert.Equal("""{"response":"this is billing"}""", await WhoAmIAsync(client, "/billing"));
    }

    [Fact]
    public async Task Each_agent_checks_its_own_credentials()
    {
        var server = new AgentServer(HostOptions())
            .Register(Department("reception", "/"))
            .Register(Department("vault", "/vault", password: "a-different-password-for-the-vault-0123"));
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        using var refused = await client.PostJsonAsync("/vault/swaig", SwaigRequests.Call("whoami"));
        Assert.Equal((HttpStatusCode.Unauthorized, """{"error":"Unauthorized"}"""), (refused.StatusCode, await refused.ReadTextAsync()));

        using var vault = new HttpClient { BaseAddress = host.BaseAddress };
        vault.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TestCredentials.User + ":a-different-password-for-the-vault-0123")));
        Assert.Equal("""{"response":"this is vault"}""", await WhoAmIAsync(vault, "/vault"));
    }

    [Fact]
    public async Task A_secure_tools_token_from_one_agent_is_refused_by_another()
    {
        static AgentBase Secure(string name, string route)
        {
            var agent = Department(name, route);
            agent.DefineTool("secret", "Secret", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("ok")), secure: true);
            return agent;
        }

        var server = new AgentServer(HostOptions()).Register(Secure("a", "/a")).Register(Secure("b", "/b"));
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();
        var token = HttpTestExtensions.TokenOf((await client.FetchSwmlAsync("call-1", "/a")).FunctionUrl("secret"));

        using var own = await client.PostJsonAsync("/a/swaig?__token=" + token, SwaigRequests.Call("secret"));
        using var other = await client.PostJsonAsync("/b/swaig?__token=" + token, SwaigRequests.Call("secret"));

        Assert.Equal("""{"response":"ok"}""", await own.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public void A_duplicate_route_or_name_is_a_clear_error()
    {
        var server = new AgentServer(HostOptions()).Register(Department("sales", "/sales"));

        Assert.Equal("Route /sales is already served by agent 'sales'; give agent 'sales2' its own Route.",
            Assert.Throws<AgentConfigurationException>(() => server.Register(Department("sales2", "sales/"))).Message);
        Assert.Equal("An agent named 'sales' is already registered (at /sales); give each agent its own Name, since tokens, limits and audit lines are bound to it.",
            Assert.Throws<AgentConfigurationException>(() => server.Register(Department("sales", "/other"))).Message);
        Assert.Single(server.Agents);
    }

    [Fact]
    public async Task Ready_fails_while_no_agent_is_registered()
    {
        var server = new AgentServer(HostOptions());
        await using var host = await AgentTestServer.StartAsync(server);
        using var anonymous = host.CreateClient(authenticated: false);

        using var empty = await anonymous.GetAsync(new Uri("/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, """{"status":"not_ready"}"""), (empty.StatusCode, await empty.ReadTextAsync()));

        server.Register(Department("reception", "/"));
        using var ready = await anonymous.GetAsync(new Uri("/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_server_maps_into_a_users_own_application()
    {
        var server = new AgentServer().Register(Department("sales", "/sales"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalWireAgentServer(server);
        await using var app = builder.Build();
        app.MapGet("/mine", () => "my own route");
        app.MapSignalWireHealth();
        app.MapAgentServer(server);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);

        Assert.Equal("my own route", await client.GetStringAsync(new Uri("/mine", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("""{"response":"this is sales"}""", await WhoAmIAsync(client, "/sales"));
        Assert.Throws<InvalidOperationException>(() => app.MapAgentServer(server));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Hostile_requests_to_server_routes_get_the_same_json_refusals()
    {
        var server = new AgentServer(HostOptions()).Register(Department("reception", "/")).Register(Department("sales", "/sales")).EnableSipRouting();
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        using var put = await client.PutAsync(new Uri("/sales", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);
        using var get = await client.GetAsync(new Uri("/sales/swaig", UriKind.Relative), TestContext.Current.CancellationToken);
        using var malformed = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("""{"call":{"to":"sip:sales@x","to":"sip:sales@y"}}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var form = await client.PostAsync(new Uri("/sales", UriKind.Relative), new FormUrlEncodedContent([new("call", "x")]), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.MethodNotAllowed, """{"error":"Method not allowed"}"""), (put.StatusCode, await put.ReadTextAsync()));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, """{"error":"Method not allowed"}"""), (get.StatusCode, await get.ReadTextAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, """{"error":"Malformed JSON"}"""), (malformed.StatusCode, await malformed.ReadTextAsync()));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, """{"error":"Content-Type must be application/json"}"""), (form.StatusCode, await form.ReadTextAsync()));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }
}
