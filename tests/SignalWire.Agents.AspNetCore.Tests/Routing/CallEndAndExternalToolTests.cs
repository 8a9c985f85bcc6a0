using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class CallEndAndExternalToolTests
{
    [Fact]
    public async Task Call_end_handlers_all_run_in_order_with_the_conversation_even_when_one_fails()
    {
        var seen = new List<string>();
        var agent = new TestAgent()
            .OnCallEnd((call, _) =>
            {
                seen.Add($"first:{call.CallId}:{string.Join("|", call.CallLog!.Select(m => $"{m.Role}={m.Content}"))}");
                return ValueTask.CompletedTask;
            })
            .OnCallEnd((_, _) => throw new InvalidOperationException("archive store is down"))
            .OnCallEnd((call, _) =>
            {
                seen.Add($"third:{call.GlobalData?["order"]}");
                return ValueTask.CompletedTask;
            });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var body = SwaigRequests.Call(AgentBase.CallEndFunction, callId: "call-77");
        body["call_log"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Book a table" }, new JsonObject { ["role"] = "assistant", ["content"] = "Done" });
        body["global_data"] = new JsonObject { ["order"] = "A-1" };

        var response = await client.PostJsonAsync("/swaig", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""{"response":"{{AgentPipeline.ToolFailureResponse}}"}""", await response.ReadTextAsync());
        Assert.Equal(["first:call-77:user=Book a table|assistant=Done", "third:A-1"], seen);
        var failure = Assert.Single(server.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("1 of 3 call-end handlers failed", failure.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_end_handlers_without_the_conversation_are_warned_about_at_start()
    {
        var agent = new TestAgent().SetSwaigPostConversation(false).OnCallEnd((_, _) => ValueTask.CompletedTask);

        await using var server = await AgentTestServer.StartAsync(agent);

        var warning = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Id == 1022);
        Assert.Equal("Agent test-agent: call-end handlers are registered but swaig_post_conversation is off, so they will receive no conversation", warning.Message);
    }

    [Fact]
    public async Task A_tool_served_elsewhere_is_refused_here()
    {
        var ran = false;
        var agent = new TestAgent().DefineTool("lookup", "Look up an order", null, (_, _, _) =>
        {
            ran = true;
            return ValueTask.FromResult(new FunctionResult());
        }, new ToolOptions { WebHookUrl = new Uri("https://orders.example.com/swaig") });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("lookup"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Function runs at its own web_hook_url"}""", await response.ReadTextAsync());
        Assert.False(ran);
        var swml = await client.FetchSwmlAsync("call-1");
        Assert.Equal("https://orders.example.com/swaig", swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "lookup")!["web_hook_url"]!.GetValue<string>());
    }
}
