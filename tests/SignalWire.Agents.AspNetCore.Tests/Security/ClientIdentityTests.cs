using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Security;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Who a request is from: the real client behind a trusted proxy, and one failure budget per credential set.</summary>
public sealed class ClientIdentityTests
{
    private static HttpClient WrongPasswordClient(AgentTestServer server)
    {
        var client = server.CreateClient(authenticated: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.User + ":guess")));
        return client;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_a_lockout_keys_on_the_client_not_on_the_proxy()
    {
        // The test client connects from loopback, which stands for the proxy here.
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o =>
        {
            o.TrustedProxies = ["127.0.0.1"];
            o.AuthFailureLimit = 3;
        })));
        using var attacker = WrongPasswordClient(server);
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            using var refused = await attacker.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var platform = server.CreateClient();
        platform.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        using var attackerAgain = server.CreateClient();
        attackerAgain.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var platformResponse = await platform.GetAsync("/", TestContext.Current.CancellationToken);
        using var attackerResponse = await attackerAgain.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, platformResponse.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerResponse.StatusCode);
        var audit = server.Logs.GetSnapshot().Where(r => r.Category == AuditEvents.Category && r.Id.Id == 2010).Select(r => r.Message).ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, m => Assert.Contains("client_ip=203.0.113.7", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_trust_a_forwarded_client_address_is_ignored()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.AuthFailureLimit = 2)));
        for (var i = 0; i < 2; i++)
        {
            using var attacker = WrongPasswordClient(server);
            attacker.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var refused = await attacker.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var rotated = server.CreateClient();
        rotated.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        using var response = await rotated.GetAsync("/", TestContext.Current.CancellationToken);

        // Rotating the header does not buy fresh guesses: the budget belongs to the connection's address.
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Agents_sharing_credentials_share_one_budget_of_failed_logins()
    {
        var sales = new TestAgent(AgentTestServer.Options("sales", "/sales").With(o => o.AuthFailureLimit = 4));
        var support = new TestAgent(AgentTestServer.Options("support", "/support").With(o => o.AuthFailureLimit = 4));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddSignalWireAgent(sales).AddSignalWireAgent(support);
        await using var app = builder.Build();
        app.MapAgent(sales);
        app.MapAgent(support);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var bad = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.User + ":guess")));
        using var good = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        good.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/sales", "/support", "/sales", "/support", "/sales", "/support" })
        {
            using var response = await bad.GetAsync(path, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        using var blocked = await good.GetAsync("/support", TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Two_agents_with_one_name_or_one_route_are_refused_on_one_application()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapAgent(new TestAgent(AgentTestServer.Options("bank", "/a")));

        var sameName = Assert.Throws<AgentConfigurationException>(() => app.MapAgent(new TestAgent(AgentTestServer.Options("bank", "/b"))));
        var sameRoute = Assert.Throws<AgentConfigurationException>(() => app.MapAgent(new TestAgent(AgentTestServer.Options("other", "/a/"))));

        Assert.Equal("An agent named 'bank' is already mapped (at /a); give each agent its own Name, since secure-tool tokens, limits and audit lines are bound to it.", sameName.Message);
        Assert.Equal("Agent 'other' and agent 'bank' are both mapped at /a; give each its own Route.", sameRoute.Message);
    }

    [Fact]
    public async Task A_token_for_an_agent_of_the_same_name_and_secret_on_another_route_is_refused()
    {
        await using var first = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("bank", "/a")));
        await using var second = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("bank", "/b")));
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var token = HttpTestExtensions.TokenOf((await firstClient.FetchSwmlAsync("call-1", "/a")).FunctionUrl("secret_action"));

        using var own = await firstClient.PostJsonAsync("/a/swaig?__token=" + token, SwaigRequests.Call("secret_action"));
        using var foreign = await secondClient.PostJsonAsync("/b/swaig?__token=" + token, SwaigRequests.Call("secret_action"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task A_token_minted_with_a_longer_lifetime_than_the_verifier_honours_is_refused()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent());
        using var client = server.CreateClient();
        var generous = new SwaigTokenService(Encoding.UTF8.GetBytes(TestCredentials.SwaigSecret), server.Agent.Name, TimeSpan.FromDays(30), TimeProvider.System);

        using var response = await client.PostJsonAsync("/swaig?__token=" + generous.Mint("secret_action", "call-1"), SwaigRequests.Call("secret_action"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Id.Id == 2012 && r.Message.Contains("reason=invalid", StringComparison.Ordinal));
    }
}
