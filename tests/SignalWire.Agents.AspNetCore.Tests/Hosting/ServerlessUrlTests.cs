using System.Net;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>
/// The public URL an agent renders in a container platform's request path (deploy/aws-lambda, deploy/cloud-run):
/// taken from what the platform's local proxy forwards only when told to trust it, or given outright.
/// </summary>
public sealed class ServerlessUrlTests
{
    private static readonly string Credentials = $"{TestCredentials.User}:{Uri.EscapeDataString(TestCredentials.Password)}";

    /// <summary>The Lambda Web Adapter calls Kestrel from loopback with the function URL's Host and the viewer's scheme.</summary>
    [Fact]
    public async Task Behind_the_lambda_web_adapter_the_function_url_becomes_the_webhook_base()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.TrustProxyHeaders = true)));
        using var client = FunctionUrlClient(server);

        var swml = await client.FetchSwmlAsync("call-1");

        Assert.Equal($"https://{Credentials}@abcdefghij.lambda-url.us-east-1.on.aws/swaig/", swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_trust_the_forwarded_scheme_is_ignored_and_nothing_is_guessed()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options()));
        using var client = FunctionUrlClient(server);

        var swml = await client.FetchSwmlAsync("call-1");

        Assert.Equal($"http://{Credentials}@abcdefghij.lambda-url.us-east-1.on.aws/swaig/", swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
    }

    /// <summary>API Gateway's stage (<c>/prod</c>) is in the public URL but not in the path the function sees.</summary>
    [Fact]
    public async Task An_api_gateway_stage_comes_from_the_configured_public_base()
    {
        var options = AgentTestServer.Options().With(o => o.ProxyUrlBase = new Uri("https://abc123.execute-api.us-east-1.amazonaws.com/prod"));
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var client = FunctionUrlClient(server);

        var swml = await client.FetchSwmlAsync("call-1");

        Assert.Equal($"https://{Credentials}@abc123.execute-api.us-east-1.amazonaws.com/prod/swaig/", swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trusted_proxy_forwarding_a_scheme_no_webhook_can_use_is_refused()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.TrustProxyHeaders = true)));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "javascript");

        using var response = await client.PostJsonAsync("/", SwaigRequests.SwmlFetch());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Forwarded scheme must be http or https"}""", await response.ReadTextAsync());
    }

    private static HttpClient FunctionUrlClient(AgentTestServer server)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Host = "abcdefghij.lambda-url.us-east-1.on.aws";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.4");
        return client;
    }
}
