using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class AuthenticationTests : ServedAgentTest<TestAgent>
{
    public AuthenticationTests()
        : base(new TestAgent())
    {
    }

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "GET", "/" },
        { "POST", "/" },
        { "POST", "/swaig" },
        { "POST", "/swaig/" },
        { "POST", "/post_prompt" },
        { "POST", "/post_prompt/" },
    };

    public static TheoryData<string> BadAuthorizationHeaders => new()
    {
        string.Empty,
        "Basic",
        "Basic !!!not-base64!!!",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon-here")),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.User + ":wrong")),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("wrong:" + TestCredentials.Password)),
        "Bearer " + TestCredentials.EncodedPair,
        "Basic " + Convert.ToBase64String([0x61, 0x3A, 0xFF]),
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Every_webhook_route_refuses_a_request_without_credentials(string method, string path)
    {
        using var client = Server.CreateClient(authenticated: false);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = SwaigRequests.Json(SwaigRequests.Call("echo", new() { ["text"] = "x" }));
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("realm=", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"error":"Unauthorized"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        Assert.Empty(Agent.Summaries);
    }

    [Theory]
    [MemberData(nameof(BadAuthorizationHeaders))]
    public async Task Malformed_or_wrong_credentials_get_401_and_the_handler_never_runs(string header)
    {
        using var client = Server.CreateClient(authenticated: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/swaig") { Content = SwaigRequests.Json(SwaigRequests.Call("echo")) };
        if (header.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
    }

    [Fact]
    public async Task Correct_credentials_are_accepted_with_any_case_of_the_scheme()
    {
        using var client = Server.CreateClient(authenticated: false);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "basic " + TestCredentials.EncodedPair);
        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = "x" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Agent.Calls);
    }

    [Fact]
    public async Task Health_and_ready_need_no_credentials()
    {
        using var client = Server.CreateClient(authenticated: false);
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await health.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await ready.ReadTextAsync());
    }

    [Fact]
    public async Task Logs_never_contain_the_password_or_the_authorization_header()
    {
        using (var bad = Server.CreateClient(authenticated: false))
        {
            bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.User + ":" + TestCredentials.Password + "x")));
            using var refused = await bad.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var client = Client;
        var swml = await client.FetchSwmlAsync("call-1");
        using var ok = await client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action")), SwaigRequests.Call("secret_action"));
        using var forbidden = await client.PostJsonAsync("/swaig?__token=" + HttpTestExtensions.TokenOf(swml.FunctionUrl("secret_action")), SwaigRequests.Call("secret_action", callId: "call-2"));
        using var failed = await client.PostJsonAsync("/swaig", SwaigRequests.Call("explode"));

        Assert.Equal("""{"response":"done"}""", await ok.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("""{"response":"Sorry, that action could not be completed because of an internal error. Please try again later."}""", await failed.ReadTextAsync());
        var logs = Server.AllLogText();
        Assert.Contains("auth_failed", logs, StringComparison.Ordinal);
        Assert.Contains("token_invalid", logs, StringComparison.Ordinal);
        Assert.Contains("function=secret_action", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(TestCredentials.Password), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.EncodedPair, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(HttpTestExtensions.TokenOf(swml.FunctionUrl("secret_action")), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.SwaigSecret, logs, StringComparison.Ordinal);
    }
}
