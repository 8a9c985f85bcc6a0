using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.Skills.Tests.Network;

/// <summary>mcp_gateway against a fake MCP gateway on loopback.</summary>
public sealed class McpGatewaySkillTests : IAsyncLifetime
{
    private const string Bearer = "gw-token-0000";
    private FakeWebServer _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _gateway = await FakeWebServer.StartAsync(app =>
        {
            app.MapGet("/services", () => Results.Text("""{"todo":{"description":"Todo list"},"weather":{"description":"Weather"}}""", "application/json"));
            app.MapGet("/services/todo/tools", () => Results.Text("""
                {"tools":[
                  {"name":"add_item","description":"Add an item","inputSchema":{"type":"object","properties":{"title":{"type":"string","description":"Title","maxLength":100},"priority":{"type":"integer","default":1,"x-internal":true}},"required":["title"]}},
                  {"name":"clear","description":"Remove everything","inputSchema":{"type":"object","properties":{}}}
                ]}
                """, "application/json"));
            app.MapGet("/services/weather/tools", () => Results.Text("""{"tools":[{"name":"forecast","inputSchema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}""", "application/json"));
            app.MapPost("/services/todo/call", () => Results.Text("""{"result":"Added 'milk'."}""", "application/json"));
            app.MapPost("/services/weather/call", () => Results.Text("""{"error":"upstream down"}""", "application/json", statusCode: 502));
            app.MapDelete("/sessions/{id}", () => Results.Ok());
        });
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    private JsonObject Parameters(JsonObject? extra = null)
    {
        var parameters = new JsonObject { ["gateway_url"] = _gateway.BaseAddress.ToString(), ["auth_token"] = Bearer };
        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value?.DeepClone();
        }

        return parameters;
    }

    [Fact]
    public void Added_without_preparation_it_says_to_use_AddSkillAsync()
    {
        Assert.Equal("Skill 'mcp_gateway' prepares over the network; add it with AddSkillAsync.",
            Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("mcp_gateway", Parameters())).Message);
    }

    [Fact]
    public async Task Every_tool_of_every_service_is_offered_with_its_schema_and_runs_in_the_calls_session()
    {
        var agent = await SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkillAsync("mcp_gateway", Parameters(), TestContext.Current.CancellationToken);
        await using var served = await ServedAgent.StartAsync(agent);

        Assert.Equal(["hangup_hook", "mcp_todo_add_item", "mcp_todo_clear", "mcp_weather_forecast"], agent.Tools.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            """{"function":"mcp_todo_add_item","description":"[todo] Add an item","parameters":{"type":"object","properties":{"title":{"type":"string","description":"Title"},"priority":{"type":"integer","default":1}},"required":["title"]}}""",
            JsonNode.Parse(JsonFunction(await served.ToolAsync("mcp_todo_add_item")))!.ToWireJson());

        Assert.Equal("Added 'milk'.", await served.CallAsync("mcp_todo_add_item", new() { ["title"] = "milk" }, callId: "call-77"));
        var call = Assert.Single(_gateway.RequestsTo("/services/todo/call"));
        Assert.Equal("""{"tool":"add_item","arguments":{"title":"milk"},"session_id":"call-77","timeout":300,"metadata":{"agent_id":"test-agent","call_id":"call-77"}}""", call.Body);
        Assert.Equal("Bearer " + Bearer, call.Header("Authorization"));

        Assert.StartsWith("The arguments for mcp_todo_add_item are invalid: title must be at most 100 characters long.", await served.CallAsync("mcp_todo_add_item", new() { ["title"] = new string((char)120, 101) }), StringComparison.Ordinal);
        Assert.Single(_gateway.RequestsTo("/services/todo/call"));
        Assert.Equal("The weather service could not run forecast right now.", await served.CallAsync("mcp_weather_forecast", new() { ["city"] = "Oslo" }));

        await served.CallJsonAsync("hangup_hook", callId: "call-77");
        Assert.Equal("DELETE", Assert.Single(_gateway.RequestsTo("/sessions/call-77")).Method);
    }

    [Fact]
    public async Task Only_the_services_and_tools_named_are_offered()
    {
        var parameters = Parameters(new() { ["services"] = new JsonArray(new JsonObject { ["name"] = "todo", ["tools"] = new JsonArray("clear") }), ["tool_prefix"] = "gw_" });
        var agent = await SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkillAsync("mcp_gateway", parameters, TestContext.Current.CancellationToken);

        Assert.Equal(["gw_todo_clear", "hangup_hook"], agent.Tools.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Empty(_gateway.RequestsTo("/services"));
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_stops_the_start_naming_the_skill()
    {
        var parameters = Parameters(new() { ["gateway_url"] = _gateway.Url("missing/").ToString() });
        var failure = await Assert.ThrowsAsync<AgentConfigurationException>(() => SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkillAsync("mcp_gateway", parameters, TestContext.Current.CancellationToken));

        Assert.Equal($"Skill 'mcp_gateway' could not prepare: GET {_gateway.BaseAddress}missing/services answered 404.", failure.Message);
    }

    private static string JsonFunction(JsonObject function)
    {
        var copy = (JsonObject)function.DeepClone();
        copy.Remove("web_hook_url");
        return copy.ToWireJson();
    }
}
