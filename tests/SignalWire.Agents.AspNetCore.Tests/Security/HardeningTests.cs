using System.Net;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>HSTS, allowed hosts, CORS and the request timeout.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Hsts_is_never_sent_over_plain_http()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Only_allowed_hosts_are_served()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.AllowedHosts = ["agent.example.com"])));
        using var client = server.CreateClient();

        using var wrongHost = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var rightHostRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        rightHostRequest.Headers.Host = "agent.example.com";
        using var rightHost = await client.SendAsync(rightHostRequest, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, wrongHost.StatusCode);
        Assert.Equal("""{"error":"Host not allowed"}""", await wrongHost.ReadTextAsync());
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightHost.StatusCode);
    }

    [Theory]
    [InlineData("agent.example.com", HttpStatusCode.OK)]
    [InlineData("AGENT.EXAMPLE.COM", HttpStatusCode.OK)]
    [InlineData("example.com", HttpStatusCode.BadRequest)]
    [InlineData("evil-example.com", HttpStatusCode.BadRequest)]
    public async Task Wildcard_hosts_match_subdomains_only(string host, HttpStatusCode expected)
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.AllowedHosts = ["*.example.com"])));
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_unless_origins_are_configured()
    {
        static HttpRequestMessage Preflight() => new(HttpMethod.Options, "/swaig")
        {
            Headers = { { "Origin", "https://app.example.com" }, { "Access-Control-Request-Method", "POST" } },
        };

        await using (var closed = await AgentTestServer.StartAsync(new TestAgent()))
        {
            using var client = closed.CreateClient();
            using var request = Preflight();
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        await using var open = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.CorsOrigins = ["https://app.example.com"])));
        using var openClient = open.CreateClient();
        using var allowedRequest = Preflight();
        using var allowed = await openClient.SendAsync(allowedRequest, TestContext.Current.CancellationToken);
        Assert.Equal("https://app.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The preflight is answered by the CORS middleware, and still carries the hardening headers.
        Assert.Equal(
            ("nosniff", "DENY", "no-referrer", "default-src 'none'; frame-ancestors 'none'"),
            (allowed.Headers.GetValues("X-Content-Type-Options").Single(), allowed.Headers.GetValues("X-Frame-Options").Single(),
             allowed.Headers.GetValues("Referrer-Policy").Single(), allowed.Headers.GetValues("Content-Security-Policy").Single()));
    }

    [Fact]
    public async Task A_lone_star_allows_any_origin_and_any_host()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o =>
        {
            o.CorsOrigins = ["*"];
            o.AllowedHosts = ["*"];
        })));
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/swaig")
        {
            Headers = { { "Origin", "https://anywhere.example.net" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var document = new HttpRequestMessage(HttpMethod.Get, "/");
        document.Headers.Host = "any-name.example.org";

        using var allowed = await client.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var served = await client.SendAsync(document, TestContext.Current.CancellationToken);

        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Oversized_headers_are_refused_by_kestrel()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_that_runs_too_long_gets_a_json_504_and_the_handler_is_cancelled()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.RequestTimeout = TimeSpan.FromMilliseconds(500))));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("""{"error":"Request timed out"}""", await response.ReadTextAsync());
    }
}
