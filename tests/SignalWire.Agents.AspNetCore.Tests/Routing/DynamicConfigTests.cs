using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

/// <summary>Per-request configuration on private copies: nothing leaks into the shared agent or other requests.</summary>
public sealed class DynamicConfigTests
{
    private static TestAgent TenantAgent(ConcurrentBag<AgentRequest>? seen = null)
    {
        var agent = new TestAgent();
        agent.OnRequest(async (request, copy, ct) =>
        {
            seen?.Add(request);
            if (!request.Query.TryGetValue("tenant", out var tenant))
            {
                return;
            }

            if (tenant == "broken")
            {
                throw new InvalidOperationException("tenant database password is hunter2");
            }

            await Task.Yield();
            copy.SetGlobalData(new JsonObject { ["tenant"] = tenant })
                .SetParam("tenant_param", tenant)
                .PromptAddSection("Tenant " + tenant, "Serve " + tenant + " customers.")
                .DefineTool("tenant_" + tenant, "Tenant tool", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("tenant " + tenant)));
        });
        agent.OnRequest((request, copy, _) =>
        {
            if (request.Query.ContainsKey("tenant"))
            {
                copy.SetParam("second_handler_saw", copy.PromptHasSection("Tenant " + request.Query["tenant"]));
            }

            return ValueTask.CompletedTask;
        });
        return agent;
    }

    [Fact]
    public async Task Parallel_requests_each_get_only_their_own_configuration()
    {
        var agent = TenantAgent();
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var documents = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i => (Tenant: $"t{i}", Swml: await client.FetchSwmlAsync($"call-{i}", $"/?tenant=t{i}", from: $"+1415555{i:0000}"))));

        foreach (var (tenant, swml) in documents)
        {
            var ai = swml.Ai();
            Assert.Equal(tenant, ai["global_data"]!["tenant"]!.GetValue<string>());
            Assert.Equal(tenant, ai["params"]!["tenant_param"]!.GetValue<string>());
            Assert.True(ai["params"]!["second_handler_saw"]!.GetValue<bool>());
            var titles = ai["prompt"]!["pom"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()).ToList();
            Assert.Single(titles, t => t.StartsWith("Tenant ", StringComparison.Ordinal));
            Assert.Contains("Tenant " + tenant, titles);
            Assert.Single(ai["SWAIG"]!["functions"]!.AsArray(), f => f!["function"]!.GetValue<string>().StartsWith("tenant_", StringComparison.Ordinal));
        }

        var shared = AgentDocumentRenderer.RenderToString(agent, "https://u:p@a.example.com", "c");
        Assert.DoesNotContain("tenant", shared, StringComparison.Ordinal);
        Assert.False(agent.Tools.TryGet("tenant_t1", out _));
        Assert.Equal(7, agent.Tools.Count);
    }

    [Fact]
    public async Task A_tool_added_for_a_request_can_be_called_in_that_configuration_only()
    {
        await using var server = await AgentTestServer.StartAsync(TenantAgent());
        using var client = server.CreateClient();

        using var withTenant = await client.PostJsonAsync("/swaig?tenant=acme", SwaigRequests.Call("tenant_acme"));
        using var otherTenant = await client.PostJsonAsync("/swaig?tenant=globex", SwaigRequests.Call("tenant_acme"));
        using var shared = await client.PostJsonAsync("/swaig", SwaigRequests.Call("tenant_acme"));

        Assert.Equal("""{"response":"tenant acme"}""", await withTenant.ReadTextAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }

    [Fact]
    public async Task Handlers_never_see_credentials_or_tokens()
    {
        var seen = new ConcurrentBag<AgentRequest>();
        await using var server = await AgentTestServer.StartAsync(TenantAgent(seen));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "session=abc");
        client.DefaultRequestHeaders.Add("X-Tenant-Hint", "acme");

        await client.FetchSwmlAsync("call-1", "/?tenant=acme&__token=should-not-pass");

        var request = Assert.Single(seen);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.False(request.Headers.ContainsKey("Cookie"));
        Assert.Equal("acme", request.Headers["X-Tenant-Hint"]);
        Assert.False(request.Query.ContainsKey("__token"));
        Assert.Equal("call-1", request.Body!["call"]!["call_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_handler_gets_a_generic_500_and_is_logged()
    {
        await using var server = await AgentTestServer.StartAsync(TenantAgent());
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/?tenant=broken", SwaigRequests.SwmlFetch());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.ReadTextAsync();
        Assert.Equal("""{"error":"Internal server error"}""", text);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Handlers_read_the_fetch_as_typed_call_data()
    {
        var agent = new TestAgent();
        agent.OnRequest((request, copy, _) =>
        {
            if (request.Call is { } call)
            {
                copy.PromptAddSection("Caller", $"{call.Direction} {call.Type} call from {call.From} (language {request.UserVariables?["lang"]})");
            }

            return ValueTask.CompletedTask;
        });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var body = SwaigRequests.SwmlFetch("call-42");
        body["vars"]!["userVariables"]!["lang"] = "es";

        using var response = await client.PostJsonAsync("/", body);

        var pom = (await response.ReadJsonAsync()).Ai()["prompt"]!["pom"]!.AsArray();
        Assert.Equal("inbound phone call from +15559876543 (language es)", pom.Single(s => s!["title"]!.GetValue<string>() == "Caller")!["body"]!.GetValue<string>());
    }
}
