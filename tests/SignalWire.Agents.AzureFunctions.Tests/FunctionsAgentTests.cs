using System.Net;
using System.Text.Json.Nodes;
using FunctionsAgentExample;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AzureFunctions.Tests;

/// <summary>The example function app, driven through the Functions worker's HTTP path with the host's forwarded headers.</summary>
public sealed class FunctionsAgentTests : IAsyncLifetime
{
    private static readonly string PublicBase = $"https://{TestCredentials.User}:{Uri.EscapeDataString(TestCredentials.Password)}@clinic-agent.azurewebsites.net/api";

    private FunctionsHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await FunctionsHost.StartAsync(services => services.AddSignalWireFunctions(new AppointmentDesk(AgentTestServer.Options("appointment-desk"))));
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_document_is_served_under_api_with_webhooks_on_the_public_https_url()
    {
        var swml = await _client.FetchSwmlAsync("call-1", "api/");
        var swaig = swml.Ai()["SWAIG"]!.AsObject();

        Assert.Equal(PublicBase + "/swaig/", swaig["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.StartsWith(PublicBase + "/swaig/?__token=", swml.FunctionUrl("book_appointment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_path_without_a_trailing_slash_serves_the_document_too()
    {
        using var response = await _client.GetAsync("api", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SwmlSchema.AssertValid(await response.ReadTextAsync());
    }

    [Fact]
    public async Task Without_credentials_the_function_answers_401_as_json()
    {
        using var anonymous = _host.CreateClient(authenticated: false);

        using var response = await anonymous.GetAsync("api/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await response.ReadTextAsync());
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_regular_tool_runs_through_the_function()
    {
        using var response = await _client.PostJsonAsync("api/swaig", SwaigRequests.Call("check_availability", new() { ["day"] = "2026-12-01" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"Free on 2026-12-01: 09:00, 10:30, 14:00, 15:30."}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task A_secure_tool_needs_the_token_of_its_call()
    {
        var args = new JsonObject { ["day"] = "2026-12-01", ["time"] = "10:30" };
        using (var noToken = await _client.PostJsonAsync("api/swaig", SwaigRequests.Call("book_appointment", args.DeepClone().AsObject())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
            Assert.Equal("""{"error":"Forbidden"}""", await noToken.ReadTextAsync());
        }

        var url = (await _client.FetchSwmlAsync("call-7", "api/")).FunctionUrl("book_appointment");
        using (var otherCall = await _client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("book_appointment", args.DeepClone().AsObject(), callId: "call-8")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherCall.StatusCode);
        }

        using var booked = await _client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("book_appointment", args, callId: "call-7"));
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Equal("""{"response":"Booked 2026-12-01 at 10:30."}""", await booked.ReadTextAsync());
    }

    [Fact]
    public async Task Arguments_that_break_the_schema_never_reach_the_handler()
    {
        using var response = await _client.PostJsonAsync("api/swaig", SwaigRequests.Call("check_availability", new() { ["day"] = 20261201 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"The arguments for check_availability are invalid: day must be a string. Ask the caller for the correct value and try again."}""", await response.ReadTextAsync());
    }

    [Theory]
    [InlineData("api/health")]
    [InlineData("api/ready")]
    public async Task Health_and_readiness_are_served_below_the_function(string path)
    {
        using var anonymous = _host.CreateClient(authenticated: false);

        using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "api/swaig", HttpStatusCode.MethodNotAllowed, """{"error":"Method not allowed"}""")]
    [InlineData("POST", "api/nothing-here", HttpStatusCode.NotFound, """{"error":"Not found"}""")]
    [InlineData("POST", "api/swaig/extra", HttpStatusCode.NotFound, """{"error":"Not found"}""")]
    public async Task Paths_and_methods_the_agent_does_not_serve_are_refused_as_json(string method, string path, HttpStatusCode status, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.ReadTextAsync());
    }

    [Theory]
    [InlineData("{\"function\":", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{\"function\":\"no_such_tool\"}", HttpStatusCode.NotFound)]
    public async Task Hostile_bodies_get_a_json_4xx_and_nothing_is_logged_as_an_error(string body, HttpStatusCode status)
    {
        using var response = await _client.PostAsync("api/swaig", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("""{"error":""", await response.ReadTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_worker_sees_its_own_endpoint_path_and_route_values_again_once_the_agent_has_answered()
    {
        using var response = await _client.PostJsonAsync("api/swaig", SwaigRequests.Call("check_availability", new() { ["day"] = "2026-12-01" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["signalwire  /api/swaig swaig"], _host.AfterFunction);
    }

    [Fact]
    public async Task Credentials_and_tokens_never_reach_the_log()
    {
        var url = (await _client.FetchSwmlAsync("call-9", "api/")).FunctionUrl("book_appointment");
        using var booked = await _client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("book_appointment", new() { ["day"] = "2026-12-01", ["time"] = "09:00" }, callId: "call-9"));

        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var log = _host.AllLogText();
        Assert.DoesNotContain(TestCredentials.Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(HttpTestExtensions.TokenOf(url), log, StringComparison.Ordinal);
    }
}
