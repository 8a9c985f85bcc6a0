using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;

namespace SignalWireAgent.Tests;

/// <summary>The agent on real Kestrel (127.0.0.1, a free port), called over HTTP the way SignalWire calls it.</summary>
public sealed class SupportAgentTests : IAsyncLifetime
{
    private const string User = "test-user";
    private const string Password = "a-test-password-that-is-long-enough-0123";

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var agent = new SupportAgent(new AgentOptions
        {
            Name = "support",
            Host = "127.0.0.1",
            Port = 0,
            BasicAuthUser = User,
            BasicAuthPassword = Password,
            SwaigSecret = "a-test-token-secret-0123456789abcdef",
            AuditLogPath = "none",
        });
        _app = AgentApplication.Create(agent);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Without_credentials_the_agent_answers_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };

        using var response = await anonymous.PostAsync("/", Json(new JsonObject()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_document_offers_both_tools_and_a_token_for_the_secure_one()
    {
        var functions = (await SwmlAsync("call-1"))["SWAIG"]!["functions"]!.AsArray();

        Assert.Equal(["check_order", "cancel_order"], functions.Select(f => f!["function"]!.GetValue<string>()));
        Assert.Contains("__token=", functions[1]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_order_answers()
    {
        var answer = await CallAsync("/swaig", "check_order", new JsonObject { ["order_number"] = "A-1001" }, "call-1");

        Assert.Equal("""{"response":"Order A-1001 shipped yesterday and arrives on Friday."}""", answer);
    }

    [Fact]
    public async Task Cancel_order_needs_its_token_and_the_callers_confirmation()
    {
        using (var withoutToken = await _client.PostAsync("/swaig", Json(Call("cancel_order", new JsonObject { ["order_number"] = "A-1001", ["confirmed"] = true }, "call-2")), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        }

        var url = new Uri((await SwmlAsync("call-2"))["SWAIG"]!["functions"]!.AsArray()[1]!["web_hook_url"]!.GetValue<string>());
        var unconfirmed = await CallAsync(url.PathAndQuery, "cancel_order", new JsonObject { ["order_number"] = "A-1001" }, "call-2");
        var confirmed = await CallAsync(url.PathAndQuery, "cancel_order", new JsonObject { ["order_number"] = "A-1001", ["confirmed"] = true }, "call-2");

        Assert.DoesNotContain("is cancelled", unconfirmed, StringComparison.Ordinal);
        Assert.Equal("""{"response":"Order A-1001 is cancelled."}""", confirmed);
    }

    private async Task<JsonNode> SwmlAsync(string callId)
    {
        using var response = await _client.PostAsync("/", Json(new JsonObject { ["call"] = new JsonObject { ["call_id"] = callId } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var swml = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return swml["sections"]!["main"]!.AsArray().Select(verb => verb!["ai"]).Single(ai => ai is not null)!;
    }

    private async Task<string> CallAsync(string path, string function, JsonObject arguments, string callId)
    {
        using var response = await _client.PostAsync(path, Json(Call(function, arguments, callId)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static JsonObject Call(string function, JsonObject arguments, string callId) => new()
    {
        ["function"] = function,
        ["call_id"] = callId,
        ["caller_id_num"] = "+15555550123",
        ["argument"] = new JsonObject { ["parsed"] = new JsonArray(arguments) },
    };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
