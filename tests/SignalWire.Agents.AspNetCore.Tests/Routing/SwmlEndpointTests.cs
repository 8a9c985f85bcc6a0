using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class SwmlEndpointTests
{
    private static readonly string EncodedCredentials =
        Uri.EscapeDataString(TestCredentials.User) + ":" + Uri.EscapeDataString(TestCredentials.Password);

    [Theory]
    [InlineData("/support")]
    [InlineData("/support/")]
    public async Task Swml_is_served_on_the_route_with_and_without_trailing_slash(string path)
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options(route: "/support")));
        using var client = server.CreateClient();

        var posted = await client.FetchSwmlAsync("call-7", path);
        using var get = await client.GetAsync(path + "?call_id=call-7", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        SwmlSchema.AssertValid(await get.ReadTextAsync());
        var main = posted["sections"]!["main"]!.AsArray();
        Assert.Equal("""{"answer":{}}""", main[0]!.ToWireJson());
        var ai = posted.Ai();
        Assert.Equal($"http://{EncodedCredentials}@{server.BaseAddress.Authority}/support/swaig/", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.StartsWith($"http://{EncodedCredentials}@{server.BaseAddress.Authority}/support/post_prompt/?__token=", ai["post_prompt_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_bound_to_the_call_id_from_body_call_object_or_query()
    {
        var agent = new TestAgent();
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var tokens = agent.Settings.Tokens;

        var fromCallObject = await client.FetchSwmlAsync("call-A");
        using var flat = await client.PostJsonAsync("/", new JsonObject { ["call_id"] = "call-B" });
        using var query = await client.GetAsync("/?call_id=call-C", TestContext.Current.CancellationToken);

        Assert.Equal(TokenCheck.Valid, tokens.Check(HttpTestExtensions.TokenOf(fromCallObject.FunctionUrl("secret_action")), "secret_action", "call-A"));
        var flatDoc = JsonNode.Parse(await flat.ReadTextAsync())!.AsObject();
        Assert.Equal(TokenCheck.Valid, tokens.Check(HttpTestExtensions.TokenOf(flatDoc.FunctionUrl("secret_action")), "secret_action", "call-B"));
        var queryDoc = JsonNode.Parse(await query.ReadTextAsync())!.AsObject();
        Assert.Equal(TokenCheck.Valid, tokens.Check(HttpTestExtensions.TokenOf(queryDoc.FunctionUrl("secret_action")), "secret_action", "call-C"));
        Assert.Null(fromCallObject.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "echo")!["web_hook_url"]);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_store()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Empty_post_renders_malformed_json_is_400_and_oversized_body_is_413()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.MaxRequestBodySize = 2048)));
        using var client = server.CreateClient();

        using var empty = await client.PostAsync("/", new StringContent(string.Empty), TestContext.Current.CancellationToken);
        using var malformed = await client.PostAsync("/", new StringContent("{\"call_id\":", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var array = await client.PostAsync("/", new StringContent("[1,2]", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var large = await client.PostAsync("/", new StringContent("{\"pad\":\"" + new string('x', 4096) + "\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        SwmlSchema.AssertValid(await empty.ReadTextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("""{"error":"Malformed JSON"}""", await malformed.ReadTextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("""{"error":"Request body too large"}""", await large.ReadTextAsync());
    }

    [Fact]
    public async Task Unknown_paths_get_a_json_404_and_wrong_methods_a_json_405()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();

        using var missing = await client.GetAsync("/nope", TestContext.Current.CancellationToken);
        using var wrongMethod = await client.GetAsync("/swaig", TestContext.Current.CancellationToken);
        using var put = await client.PutAsync("/", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"error":"Not found"}""", await missing.ReadTextAsync());
        Assert.Equal("application/json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", missing.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("""{"error":"Method not allowed"}""", await wrongMethod.ReadTextAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Fact]
    public async Task Proxy_url_base_names_the_public_host_in_every_webhook_url()
    {
        var options = AgentTestServer.Options(route: "/bank");
        options.ProxyUrlBase = new Uri("https://agents.example.com/edge/");
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example.net");

        var ai = (await client.FetchSwmlAsync("call-1", "/bank")).Ai();

        var expectedBase = $"https://{EncodedCredentials}@agents.example.com/edge/bank";
        Assert.Equal(expectedBase + "/swaig/", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.StartsWith(expectedBase + "/swaig/?__token=", ai["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "secret_action")!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith(expectedBase + "/post_prompt/?__token=", ai["post_prompt_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_trusted()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example.net");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var url = (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>();

        Assert.Equal($"http://{EncodedCredentials}@{server.BaseAddress.Authority}/swaig/", url);
        Assert.DoesNotContain("attacker", url, StringComparison.Ordinal);
    }

    // Host and proto are separate headers: a malformed host is ignored while a valid proto still applies.
    // Of a list, only the entry the nearest (trusted) proxy appended counts.
    [Theory]
    [InlineData("public.example.com", "https", "https://{0}@public.example.com/swaig/")]
    [InlineData("public.example.com:8443", "https", "https://{0}@public.example.com:8443/swaig/")]
    [InlineData("client-supplied.example.net, public.example.com", "http", "http://{0}@public.example.com/swaig/")]
    [InlineData("evil.com; DROP TABLE users", "https", "https://{0}@{1}/swaig/")]
    [InlineData("evil.com/path", "http", "http://{0}@{1}/swaig/")]
    [InlineData("user@evil.com", "http", "http://{0}@{1}/swaig/")]
    public async Task Trusted_forwarded_headers_are_validated(string host, string proto, string expected)
    {
        var options = AgentTestServer.Options();
        options.TrustProxyHeaders = true;
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-Host", host);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-Proto", proto);

        var url = (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>();

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, EncodedCredentials, server.BaseAddress.Authority), url);
    }

    [Fact]
    public async Task A_forwarded_scheme_other_than_http_or_https_is_refused()
    {
        var options = AgentTestServer.Options();
        options.TrustProxyHeaders = true;
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-Proto", "ftp");

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Forwarded scheme must be http or https"}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_peer_are_ignored_even_when_trusting_is_on()
    {
        var options = AgentTestServer.Options();
        options.TrustedProxies = ["10.1.2.3"];
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example.net");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var url = (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>();

        Assert.Equal($"http://{EncodedCredentials}@{server.BaseAddress.Authority}/swaig/", url);
    }

    [Fact]
    public async Task Concurrent_renders_stay_valid_while_tools_are_being_defined()
    {
        var agent = new TestAgent();
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var define = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                agent.DefineTool($"dynamic_{i}", "Added while serving", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()), secure: i % 2 == 0);
                agent.PromptAddToSection("Role", bullets: [$"bullet {i}"]);
            }
        }, TestContext.Current.CancellationToken);
        var renders = Enumerable.Range(0, 200).Select(i => client.FetchSwmlAsync($"call-{i}", from: $"+1415555{i:0000}")).ToList();
        await define;
        var documents = await Task.WhenAll(renders);

        Assert.All(documents, d => Assert.True(d.Ai()["SWAIG"]!["functions"]!.AsArray().Count >= 7));
        var final = await client.FetchSwmlAsync("call-final");
        Assert.Equal(107, final.Ai()["SWAIG"]!["functions"]!.AsArray().Count);
    }
}
