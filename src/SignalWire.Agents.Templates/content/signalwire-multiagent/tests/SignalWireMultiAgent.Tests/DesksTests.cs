using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using SignalWire.Agents;

namespace SignalWireMultiAgent.Tests;

/// <summary>The server on real Kestrel (127.0.0.1, a free port): each desk at its route, SIP routing, one health check.</summary>
public sealed class DesksTests : IAsyncLifetime
{
    private const string User = "test-user";
    private const string Password = "a-test-password-that-is-long-enough-0123";

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var server = Desks.Create(new AgentOptions
        {
            Name = "desks",
            Host = "127.0.0.1",
            Port = 0,
            BasicAuthUser = User,
            BasicAuthPassword = Password,
            SwaigSecret = "a-test-token-secret-0123456789abcdef",
            AuditLogPath = "none",
        });
        _app = server.CreateApplication();
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

    [Theory]
    [InlineData("/swaig", "opening_hours", """{"response":"We are open 9 to 5, Monday to Friday."}""")]
    [InlineData("/sales/swaig", "get_price", """{"response":"Pro is $49 a month."}""")]
    public async Task Each_desk_runs_its_own_tools_at_its_route(string path, string function, string expected)
    {
        var call = new JsonObject
        {
            ["function"] = function,
            ["call_id"] = "call-1",
            ["argument"] = new JsonObject { ["parsed"] = new JsonArray(new JsonObject { ["plan"] = "pro" }) },
        };

        using var response = await _client.PostAsync(path, new StringContent(call.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_call_to_sip_sales_is_answered_by_the_sales_desk()
    {
        var fetch = new JsonObject { ["call"] = new JsonObject { ["call_id"] = "call-2", ["type"] = "sip", ["to"] = "sip:sales@example.sip.signalwire.com" } };

        using var response = await _client.PostAsync("/", new StringContent(fetch.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Example Corp's sales desk", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_needs_no_credentials()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/sales", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).StatusCode);
    }
}
