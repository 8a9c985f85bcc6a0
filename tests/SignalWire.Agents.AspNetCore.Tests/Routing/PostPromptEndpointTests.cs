using System.Net;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class PostPromptEndpointTests : ServedAgentTest<TestAgent>
{
    public PostPromptEndpointTests()
        : base(new TestAgent())
    {
    }

    private static JsonObject Summary(string callId, JsonObject postPromptData) => new()
    {
        ["content_type"] = "text/json",
        ["action"] = "post_conversation",
        ["call_id"] = callId,
        ["post_prompt_data"] = postPromptData,
    };

    private async Task<string> PostPromptPathAsync(string callId) =>
        HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync(callId)).Ai()["post_prompt_url"]!.GetValue<string>());

    [Fact]
    public async Task The_summary_reaches_the_handler_with_the_token_from_the_swml()
    {
        var path = await PostPromptPathAsync("call-1");
        using var response = await Client.PostJsonAsync(path, Summary("call-1", new JsonObject
        {
            ["raw"] = """{"topic":"billing"}""",
            ["parsed"] = new JsonArray(new JsonObject { ["topic"] = "billing" }),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":true}""", await response.ReadTextAsync());
        var summary = Assert.Single(Agent.Summaries);
        Assert.Equal("call-1", summary.CallId);
        Assert.Equal("""{"topic":"billing"}""", summary.Summary!.ToWireJson());
    }

    [Fact]
    public async Task Raw_text_summaries_are_parsed_when_json_and_kept_as_text_otherwise()
    {
        var path = await PostPromptPathAsync("call-1");
        using var json = await Client.PostJsonAsync(path, Summary("call-1", new JsonObject { ["raw"] = """{"resolved":true}""" }));
        using var text = await Client.PostJsonAsync(path, Summary("call-1", new JsonObject { ["raw"] = "The caller asked about fees." }));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var summaries = Agent.Summaries.Select(s => s.Summary!.ToWireJson()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(["\"The caller asked about fees.\"", """{"resolved":true}"""], summaries);
    }

    [Theory]
    [InlineData("/post_prompt")]
    [InlineData("/post_prompt?__token=bogus")]
    public async Task Without_a_valid_token_the_summary_is_refused(string path)
    {
        using var response = await Client.PostJsonAsync(path, Summary("call-1", new JsonObject { ["raw"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Agent.Summaries);
    }

    [Fact]
    public async Task A_token_for_another_call_is_refused()
    {
        var path = await PostPromptPathAsync("call-1");
        using var response = await Client.PostJsonAsync(path, Summary("call-2", new JsonObject { ["raw"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Agent.Summaries);
    }

    [Fact]
    public async Task A_secure_tool_token_does_not_open_the_summary_endpoint()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var token = HttpTestExtensions.TokenOf(swml.FunctionUrl("secret_action"));
        using var response = await Client.PostJsonAsync("/post_prompt?__token=" + token, Summary("call-1", new JsonObject { ["raw"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_summary_handler_is_answered_safely()
    {
        var path = await PostPromptPathAsync("call-1");
        using var response = await Client.PostJsonAsync(path, Summary("call-1", new JsonObject { ["parsed"] = new JsonArray(new JsonObject { ["fail"] = true }) }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":false}""", await response.ReadTextAsync());
        Assert.Contains(Server.Logs.GetSnapshot(), r => r.Exception is InvalidOperationException && r.Message.Contains("call-1", StringComparison.Ordinal));
    }
}
