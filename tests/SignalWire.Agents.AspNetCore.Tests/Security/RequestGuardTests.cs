using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Security;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Brute-force protection, the opt-in per-IP ceiling, webhook signatures and one-time tokens.</summary>
public sealed class RequestGuardTests
{
    private const string SigningKey = "PSK_signing_key_for_tests";

    private static MetricCollector<long> Counter(AgentTestServer server, string name) =>
        new(server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, name);

    private static int AuditCount(AgentTestServer server, int eventId) =>
        server.Logs.GetSnapshot().Count(r => r.Category == AuditEvents.Category && r.Id.Id == eventId);

    [Fact]
    public async Task After_too_many_failed_logins_an_ip_gets_429_even_with_correct_credentials()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.AuthFailureLimit = 5)));
        using var failures = Counter(server, "signalwire.agents.auth.failures");
        using var bad = server.CreateClient(authenticated: false);
        bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("agent-user:guess")));
        for (var i = 0; i < 5; i++)
        {
            using var refused = await bad.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var good = server.CreateClient();
        using var blocked = await good.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("""{"error":"Too many requests"}""", await blocked.ReadTextAsync());
        var retryAfter = blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(5, failures.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(5, AuditCount(server, 2010));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 2010 && r.Message.Contains("client_ip=127.0.0.1", StringComparison.Ordinal));
        Assert.Equal(1, AuditCount(server, 2015));
        using var health = await good.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_per_ip_ceiling_is_off_by_default_and_enforced_when_set()
    {
        await using (var open = await AgentTestServer.StartAsync(new TestAgent()))
        {
            using var client = open.CreateClient();
            var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }

        await using var limited = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.RateLimitPerMinute = 3)));
        using var counter = Counter(limited, "signalwire.agents.rate_limited");
        using var limitedClient = limited.CreateClient();
        var results = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await limitedClient.GetAsync("/", TestContext.Current.CancellationToken);
            results.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], results);
        Assert.Equal("ip", Assert.Single(counter.GetMeasurementSnapshot()).Tags["scope"]);
        Assert.Contains(limited.Logs.GetSnapshot(), r => r.Id.Id == 2015 && r.Message.Contains("scope=ip", StringComparison.Ordinal));
    }

    /// <summary>Signed requests are checked against the public URL, so its host must be configured.</summary>
    private static AgentOptions Signed(AgentOptions options) => options.With(o =>
    {
        o.SigningKey = SigningKey;
        o.AllowedHosts = ["127.0.0.1"];
    });

    public static TheoryData<string> SignedPaths => new() { "/", "/swaig", "/swaig/", "/post_prompt", "/post_prompt/" };

    [Theory]
    [MemberData(nameof(SignedPaths))]
    public async Task With_a_signing_key_unsigned_or_wrongly_signed_posts_get_403(string path)
    {
        var agent = new TestAgent(Signed(AgentTestServer.Options()));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var failures = Counter(server, "signalwire.agents.signature.failures");
        using var client = server.CreateClient();
        var body = SwaigRequests.Call("echo", new() { ["text"] = "x" }).ToWireJson();

        using var unsigned = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        wrong.Headers.Add("X-SignalWire-Signature", WebhookSignature.ComputeHex(Encoding.UTF8.GetBytes("other-key"), new Uri(server.BaseAddress, path).ToString(), Encoding.UTF8.GetBytes(body)));
        using var wrongResponse = await client.SendAsync(wrong, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);
        Assert.Empty(agent.Calls);
        Assert.Empty(agent.Summaries);
        Assert.Equal(2, AuditCount(server, 2014));
        Assert.Equal(2, failures.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.DoesNotContain(SigningKey, server.AllLogText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-SignalWire-Signature")]
    [InlineData("X-Twilio-Signature")]
    public async Task A_valid_signature_over_the_public_url_and_body_is_accepted(string header)
    {
        var agent = new TestAgent(Signed(AgentTestServer.Options()));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var body = SwaigRequests.Call("echo", new() { ["text"] = "signed" }).ToWireJson();
        var url = new Uri(server.BaseAddress, "/swaig?tier=gold").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/swaig?tier=gold") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(header, WebhookSignature.ComputeHex(Encoding.UTF8.GetBytes(SigningKey), url, Encoding.UTF8.GetBytes(body)));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(agent.Calls);
    }

    [Fact]
    public async Task Behind_a_proxy_the_signature_covers_the_public_url()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o =>
        {
            o.SigningKey = SigningKey;
            o.ProxyUrlBase = new Uri("https://agents.example.com");
        }));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var body = SwaigRequests.SwmlFetch("call-1").ToWireJson();
        var key = Encoding.UTF8.GetBytes(SigningKey);

        using var forPublic = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forPublic.Headers.Add("X-SignalWire-Signature", WebhookSignature.ComputeHex(key, "https://agents.example.com/", Encoding.UTF8.GetBytes(body)));
        using var forInternal = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forInternal.Headers.Add("X-SignalWire-Signature", WebhookSignature.ComputeHex(key, new Uri(server.BaseAddress, "/").ToString(), Encoding.UTF8.GetBytes(body)));

        using var ok = await client.SendAsync(forPublic, TestContext.Current.CancellationToken);
        using var refused = await client.SendAsync(forInternal, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_before_any_signature_is_computed()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o =>
        {
            o.SigningKey = SigningKey;
            o.AllowedHosts = ["127.0.0.1"];
            o.MaxRequestBodySize = 1024;
        }));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        using var response = await client.PostAsync("/swaig", new StringContent(new string(' ', 5000) + "{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, AuditCount(server, 2014));
    }

    [Fact]
    public async Task Filling_the_single_use_store_does_not_lock_secure_tools_for_everyone()
    {
        // A small store so the flood stays quick; the default holds a million keys.
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.OneTimeTokens = true));
        await using var server = await AgentTestServer.StartAsync(agent, b => b.Services.AddSingleton<INonceStore>(new InMemoryNonceStore(capacity: 1024)));
        using var client = server.CreateClient();
        for (var i = 0; i < 1200; i++)
        {
            // A Basic Auth holder mints tokens for made-up calls and spends each once.
            var flood = SwaigRequests.Call("secret_action", callId: $"flood-{i}");
            using var spent = await client.PostJsonAsync("/swaig?__token=" + server.Agent.Settings.Tokens.Mint("secret_action", $"flood-{i}"), flood);
            Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        }

        var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-genuine")).FunctionUrl("secret_action"));
        using var genuine = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action", callId: "call-genuine"));
        using var replay = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action", callId: "call-genuine"));

        Assert.Equal("""{"response":"done"}""", await genuine.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
    }

    [Fact]
    public async Task One_time_tokens_are_accepted_once()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.OneTimeTokens = true));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));

        using var first = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
        using var replay = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Single(agent.Calls);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 2012 && r.Message.Contains("reason=replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_replays_of_a_one_time_token_run_the_handler_once()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.OneTimeTokens = true));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var response = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
            return response.StatusCode;
        }));

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(31, statuses.Count(s => s == HttpStatusCode.Forbidden));
        Assert.Single(agent.Calls);
    }

    [Fact]
    public async Task Token_refusals_are_audited_by_kind_and_counted()
    {
        var agent = new TestAgent();
        await using var server = await AgentTestServer.StartAsync(agent);
        using var failures = Counter(server, "signalwire.agents.token.failures");
        using var client = server.CreateClient();

        using var missing = await client.PostJsonAsync("/swaig", SwaigRequests.Call("secret_action"));
        using var invalid = await client.PostJsonAsync("/swaig?__token=abc", SwaigRequests.Call("secret_action"));

        Assert.Equal(1, AuditCount(server, 2011));
        Assert.Equal(1, AuditCount(server, 2012));
        Assert.Equal(["missing", "malformed"], failures.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!));
    }
}
