using System.Net;
using System.Text.Json.Nodes;
using KitchenSinkExample;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>The example that uses every feature: its documents validate and its tools answer through the real pipeline.</summary>
public sealed class KitchenSinkExampleTests : ServedAgentTest<KitchenSinkAgent>
{
    public KitchenSinkExampleTests()
        : base(new KitchenSinkAgent(AgentTestServer.Options("pizza", "/pizza")))
    {
    }

    private async Task<JsonObject> FetchAsync(string callId, string query = "")
    {
        var body = SwaigRequests.SwmlFetch(callId);
        using var response = await Client.PostJsonAsync("/pizza" + query, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadTextAsync();
        SwmlSchema.AssertValid(json);
        return JsonNode.Parse(json)!.AsObject();
    }

    [Fact]
    public async Task Its_document_uses_every_part_of_the_ai_verb_and_validates()
    {
        var swml = await FetchAsync("call-1", "?branch=midtown");
        var main = swml["sections"]!["main"]!.AsArray();
        var ai = swml.Ai();

        Assert.Equal(["play", "answer", "record_call", "play", "ai", "hangup"], main.Select(v => v!.AsObject().Single().Key));
        Assert.Equal(["prompt", "post_prompt", "post_prompt_url", "SWAIG", "params", "hints", "languages", "multilingual", "pronounce", "global_data"], ai.Select(p => p.Key));
        Assert.Equal(["pom", "contexts", "temperature", "top_p"], ai["prompt"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["default", "support"], ai["prompt"]!["contexts"]!.AsObject().Select(p => p.Key));
        Assert.Contains(ai["prompt"]!["pom"]!.AsArray(), s => s!["title"]!.GetValue<string>() == "Branch");
        Assert.Equal(["native_functions", "includes", "internal_fillers", "functions", "defaults"], ai["SWAIG"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["check_menu", "place_order", "transfer_to_manager", "delivery_eta", "store_hours"],
            ai["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>()));
        Assert.EndsWith("/pizza/debug_events/?shop=downtown", ai["params"]!["debug_webhook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("+15559876543", ai["global_data"]!["caller"]!.GetValue<string>());
        Assert.Equal(["speech_fillers", "function_fillers", "params"], ai["languages"]![0]!.AsObject().Select(p => p.Key).Skip(5));
    }

    [Fact]
    public async Task Per_request_changes_stay_with_their_request()
    {
        var withBranch = await FetchAsync("call-1", "?branch=midtown");
        var without = await FetchAsync("call-2");

        Assert.Contains(withBranch.Ai()["prompt"]!["pom"]!.AsArray(), s => s!["title"]!.GetValue<string>() == "Branch");
        Assert.DoesNotContain(without.Ai()["prompt"]!["pom"]!.AsArray(), s => s!["title"]!.GetValue<string>() == "Branch");
    }

    [Fact]
    public async Task The_secure_typed_tool_runs_with_the_token_from_the_document_and_returns_its_actions()
    {
        var url = (await FetchAsync("call-7")).FunctionUrl("place_order");
        var args = new JsonObject { ["size"] = "large", ["quantity"] = 2, ["card_token"] = "tok_123", ["confirmed"] = true };

        using var response = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("place_order", args, "call-7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"response":"Order placed: 2 large pizza(s).","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"send_sms":{"to_number":"+14155550123","from_number":"+14155550199","body":"Tony's: your 2 pizza(s) are on the way."}}]}}},{"toggle_functions":[{"function":"place_order","active":false}]},{"change_step":"goodbye"}]}""",
            (await response.ReadJsonAsync()).ToWireJson());
    }

    [Fact]
    public async Task Regular_tools_summaries_and_debug_events_reach_their_handlers()
    {
        var swml = await FetchAsync("call-3");
        using var menu = await Client.PostJsonAsync("/pizza/swaig", SwaigRequests.Call("check_menu", callId: "call-3"));
        using var summary = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.Ai()["post_prompt_url"]!.GetValue<string>()),
            new JsonObject { ["call_id"] = "call-3", ["post_prompt_data"] = new JsonObject { ["raw"] = """{"size":"large"}""" } });
        using var debug = await Client.PostJsonAsync("/pizza/debug_events", new JsonObject { ["label"] = "barge" });

        Assert.StartsWith("""{"response":"Margherita, pepperoni and the calzone special.","action":[{"set_global_data":{"menu_read":true}}""", (await menu.ReadJsonAsync()).ToWireJson(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal("""{"size":"large"}""", Assert.Single(Agent.Orders));
        Assert.Equal("barge", Assert.Single(Agent.DebugEvents));
    }

    [Fact]
    public async Task The_front_desk_menu_validates_and_is_served_behind_auth()
    {
        var service = FrontDesk.Create(AgentTestServer.Options("front-desk", "/menu"));
        await using var app = AgentApplication.Create(service, configure: b => b.Logging.ClearProviders());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new("Basic", TestCredentials.EncodedPair);

        var json = await client.GetStringAsync(new Uri("/menu", UriKind.Relative), TestContext.Current.CancellationToken);

        SwmlSchema.AssertValid(json);
        Assert.Equal(["main", "hours"], JsonNode.Parse(json)!["sections"]!.AsObject().Select(p => p.Key));
    }
}
