using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Security;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class SwaigEndpointTests : ServedAgentTest<TestAgent>
{
    public SwaigEndpointTests()
        : base(new TestAgent(AgentTestServer.Options().With(o => o.MaxRequestBodySize = 4096)))
    {
    }

    [Theory]
    [InlineData("/swaig")]
    [InlineData("/swaig/")]
    public async Task A_regular_tool_runs_and_its_result_is_returned_exactly(string path)
    {
        using var response = await Client.PostJsonAsync(path, SwaigRequests.Call("echo", new() { ["text"] = "hello" }, callId: "call-9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"echo: hello","action":[{"say":"hi"}]}""", await response.ReadTextAsync());
        Assert.True(response.Headers.CacheControl!.NoStore);
        var (function, args, context) = Assert.Single(Agent.Calls);
        Assert.Equal("echo", function);
        Assert.Equal("hello", args["text"]!.GetValue<string>());
        Assert.Equal("call-9", context.CallId);
        Assert.Equal("+14155550123", context.CallerIdNumber);
        Assert.Equal("Alice", context.CallerIdName);
        Assert.Equal("session-1", context.AiSessionId);
        Assert.Equal("gold", context.GlobalData!["tier"]!.GetValue<string>());
        Assert.Equal("echo", context.Request["function"]!.GetValue<string>());
    }

    [Fact]
    public async Task Arguments_come_from_raw_json_when_parsed_is_absent_and_from_flat_arguments_last()
    {
        var fromRaw = new JsonObject { ["function"] = "echo", ["call_id"] = "c", ["argument"] = new JsonObject { ["raw"] = """{"text":"raw"}""" } };
        var flat = new JsonObject { ["function"] = "echo", ["call_id"] = "c", ["arguments"] = new JsonObject { ["text"] = "flat" } };
        var none = new JsonObject { ["function"] = "echo", ["call_id"] = "c", ["argument"] = new JsonObject { ["raw"] = "not json" } };

        using var r1 = await Client.PostJsonAsync("/swaig", fromRaw);
        using var r2 = await Client.PostJsonAsync("/swaig", flat);
        using var r3 = await Client.PostJsonAsync("/swaig", none);

        Assert.Equal("""{"response":"echo: raw","action":[{"say":"hi"}]}""", await r1.ReadTextAsync());
        Assert.Equal("""{"response":"echo: flat","action":[{"say":"hi"}]}""", await r2.ReadTextAsync());
        Assert.Equal("""{"response":"echo: ","action":[{"say":"hi"}]}""", await r3.ReadTextAsync());
    }

    [Theory]
    [InlineData("""{"call_id":"c"}""", HttpStatusCode.BadRequest, """{"error":"Missing function name"}""")]
    [InlineData("""{"function":"","call_id":"c"}""", HttpStatusCode.BadRequest, """{"error":"Missing function name"}""")]
    [InlineData("""{"function":42}""", HttpStatusCode.BadRequest, """{"error":"Missing function name"}""")]
    [InlineData("""{"function":"../etc/passwd"}""", HttpStatusCode.BadRequest, """{"error":"Invalid function name"}""")]
    [InlineData("""{"function":"my function"}""", HttpStatusCode.BadRequest, """{"error":"Invalid function name"}""")]
    [InlineData("""{"function":"no_such_tool"}""", HttpStatusCode.NotFound, """{"error":"Function not found"}""")]
    [InlineData("""{"function":"echo",""", HttpStatusCode.BadRequest, """{"error":"Malformed JSON"}""")]
    [InlineData("""["echo"]""", HttpStatusCode.BadRequest, """{"error":"Request body must be a JSON object"}""")]
    [InlineData("", HttpStatusCode.BadRequest, """{"error":"Request body must be a JSON object"}""")]
    public async Task Bad_requests_get_a_clear_error_and_never_reach_a_handler(string body, HttpStatusCode status, string error)
    {
        using var response = await Client.PostAsync("/swaig", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
    }

    [Fact]
    public async Task Invalid_utf8_is_malformed_json()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"function":"echo","call_id":"X"}""");
        bytes[bytes.Length - 3] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        using var response = await Client.PostAsync("/swaig", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Agent.Calls);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_with_or_without_content_length()
    {
        var big = SwaigRequests.Call("echo", new() { ["text"] = new string('x', 8000) }).ToWireJson();
        using var declared = await Client.PostAsync("/swaig", new StringContent(big, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var chunkedContent = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big)));
        chunkedContent.Headers.ContentType = new("application/json");
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, "/swaig") { Content = chunkedContent };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        using var chunked = await Client.SendAsync(chunkedRequest, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Null(chunkedRequest.Content.Headers.ContentLength);
        Assert.Equal("""{"error":"Request body too large"}""", await chunked.ReadTextAsync());
        Assert.Empty(Agent.Calls);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_with_a_generic_apology_and_logged_with_the_call_id()
    {
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("explode", callId: "call-boom"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.ReadTextAsync();
        Assert.Equal("""{"response":"Sorry, that action could not be completed because of an internal error. Please try again later."}""", text);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        var record = Assert.Single(Server.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("call-boom", record.Message, StringComparison.Ordinal);
        Assert.Contains("explode", record.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(record.Exception);
    }

    [Fact]
    public async Task A_secure_tool_runs_with_the_token_from_its_own_swml()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        using var response = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action")), SwaigRequests.Call("secret_action", callId: "call-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"done"}""", await response.ReadTextAsync());
        Assert.Single(Agent.Calls);
    }

    [Fact]
    public async Task The_legacy_token_parameter_is_accepted()
    {
        var token = HttpTestExtensions.TokenOf((await Client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));
        using var response = await Client.PostJsonAsync("/swaig?token=" + token, SwaigRequests.Call("secret_action", callId: "call-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RefusedTokenCases => new() { "missing", "empty", "malformed", "other-function", "other-call", "no-call-id", "expired", "forged", "other-secret" };

    [Theory]
    [MemberData(nameof(RefusedTokenCases))]
    public async Task A_secure_tool_refuses_every_bad_token_with_403_and_does_not_run(string scenario)
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var own = HttpTestExtensions.TokenOf(swml.FunctionUrl("secret_action"));
        var body = SwaigRequests.Call("secret_action", callId: "call-1");
        var path = scenario switch
        {
            "missing" => "/swaig",
            "empty" => "/swaig?__token=",
            "malformed" => "/swaig?__token=abc.def.ghi",
            "other-function" => "/swaig?__token=" + HttpTestExtensions.TokenOf(swml.FunctionUrl("other_secret")),
            "other-call" => "/swaig?__token=" + own,
            "no-call-id" => "/swaig?__token=" + own,
            "expired" => "/swaig?__token=" + ExpiredToken("secret_action", "call-1"),
            "forged" => "/swaig?__token=" + System.Buffers.Text.Base64Url.EncodeToString(Enumerable.Repeat((byte)1, 57).ToArray()),
            "other-secret" => "/swaig?__token=" + new SwaigTokenService("another secret"u8, Agent.Name, TimeSpan.FromHours(1), TimeProvider.System).Mint("secret_action", "call-1"),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        if (scenario == "other-call")
        {
            body["call_id"] = "call-2";
        }
        else if (scenario == "no-call-id")
        {
            body.Remove("call_id");
        }

        using var response = await Client.PostJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":"Forbidden"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        Assert.Contains(Server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Level == LogLevel.Warning && r.Message.Contains("function=secret_action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_replayed_on_another_call_is_refused_even_after_success()
    {
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));
        using var first = await Client.PostJsonAsync(url, SwaigRequests.Call("secret_action", callId: "call-1"));
        using var replay = await Client.PostJsonAsync(url, SwaigRequests.Call("secret_action", callId: "call-2"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Single(Agent.Calls);
    }

    [Fact]
    public async Task A_regular_tool_ignores_tokens()
    {
        using var response = await Client.PostJsonAsync("/swaig?__token=garbage", SwaigRequests.Call("echo", new() { ["text"] = "t" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"echo: t","action":[{"say":"hi"}]}""", await response.ReadTextAsync());
        Assert.Equal("t", Assert.Single(Agent.Calls).Args["text"]!.GetValue<string>());
    }

    private string ExpiredToken(string function, string callId)
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        return new SwaigTokenService(Encoding.UTF8.GetBytes(TestCredentials.SwaigSecret), Agent.Name, TimeSpan.FromHours(1), past).Mint(function, callId);
    }

    /// <summary>A stream without a length, so HttpClient must send the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
