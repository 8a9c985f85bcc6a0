using System.Diagnostics;
using System.Net;
using SignalWire.Agents.AspNetCore;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis.Tests;

/// <summary>The scale-out suite against the run's Redis: the real <c>redis-server</c> (CI), else the in-process one.</summary>
public sealed class RedisScaleOutTests() : ScaleOutTests(inProcess: false);

/// <summary>The same suite against the in-process Redis-compatible server a machine without <c>redis-server</c> uses.</summary>
public sealed class InProcessRedisScaleOutTests() : ScaleOutTests(inProcess: true);

/// <summary>Two agent replicas (two Kestrel servers) sharing one Redis.</summary>
public abstract class ScaleOutTests(bool inProcess) : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartNewAsync(inProcess);

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static AgentOptions ReplicaOptions(Action<AgentOptions>? change = null) =>
        AgentTestServer.Options("bank").With(o => change?.Invoke(o));

    private Task<AgentTestServer> StartReplicaAsync(AgentBase agent, TimeSpan? operationTimeout = null) =>
        AgentTestServer.StartAsync(agent, builder => builder.Services.AddSignalWireRedis(o =>
        {
            o.Configuration = _redis.Url;
            o.OperationTimeout = operationTimeout ?? TimeSpan.FromMilliseconds(300);
        }));

    [Fact]
    public async Task A_token_minted_by_one_replica_is_accepted_by_the_other()
    {
        await using var a = await StartReplicaAsync(new TestAgent(ReplicaOptions()));
        var agentB = new TestAgent(ReplicaOptions());
        await using var b = await StartReplicaAsync(agentB);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        var path = HttpTestExtensions.PathAndQuery((await clientA.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));
        using var response = await clientB.PostJsonAsync(path, SwaigRequests.Call("secret_action", callId: "call-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(agentB.Calls);
    }

    [Fact]
    public async Task A_one_time_token_used_on_one_replica_is_refused_on_the_other()
    {
        var agentA = new TestAgent(ReplicaOptions(o => o.OneTimeTokens = true));
        var agentB = new TestAgent(ReplicaOptions(o => o.OneTimeTokens = true));
        await using var a = await StartReplicaAsync(agentA);
        await using var b = await StartReplicaAsync(agentB);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        var path = HttpTestExtensions.PathAndQuery((await clientA.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));

        using var first = await clientA.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
        using var replay = await clientB.PostJsonAsync(path, SwaigRequests.Call("secret_action"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Single(agentA.Calls);
        Assert.Empty(agentB.Calls);
    }

    [Fact]
    public async Task A_per_caller_limit_counts_across_replicas()
    {
        var agentA = new TestAgent(ReplicaOptions());
        var agentB = new TestAgent(ReplicaOptions());
        await using var a = await StartReplicaAsync(agentA);
        await using var b = await StartReplicaAsync(agentB);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        var args = new System.Text.Json.Nodes.JsonObject { ["guests"] = 2, ["name"] = "Al" };

        var answers = new List<string>();
        foreach (var client in new[] { clientA, clientB, clientA, clientB })
        {
            using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book", args, callerNumber: "+15557770000"));
            answers.Add(await response.ReadTextAsync());
        }

        // The tool allows two calls per minute per caller: two in total, not two on each replica.
        Assert.Equal(2, answers.Count(x => x == """{"response":"booked"}"""));
        Assert.Equal(2, answers.Count(x => x.Contains("too many requests", StringComparison.Ordinal)));
        Assert.Equal(2, agentA.Calls.Count + agentB.Calls.Count);
    }

    [Fact]
    public async Task Keys_are_prefixed_per_deployment_and_agent()
    {
        await using var a = await StartReplicaAsync(new TestAgent(ReplicaOptions(o => o.OneTimeTokens = true)));
        using var client = a.CreateClient();
        var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));
        using var _ = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
        using var __ = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al" }));

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port}");
        var keys = redis.GetServer($"127.0.0.1:{_redis.Port}").Keys(pattern: "*").Select(k => k.ToString()).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("signalwire:", k, StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("signalwire:nonce:bank:token:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("signalwire:rate:bank:tool:book:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_redis_dies_limits_fail_open_single_use_fails_closed_nothing_hangs_and_it_recovers()
    {
        var agent = new TestAgent(ReplicaOptions(o => o.OneTimeTokens = true));
        await using var server = await StartReplicaAsync(agent);
        using var client = server.CreateClient();
        var swml = await client.FetchSwmlAsync("call-1");
        var secure = HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action"));
        using (var ready = await client.GetAsync("/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await _redis.StopAsync();

        var watch = Stopwatch.StartNew();
        using var limited = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al" }));
        using var single = await client.PostJsonAsync(secure, SwaigRequests.Call("secret_action"));
        using var notReady = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
        using var live = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal("""{"response":"booked"}""", await limited.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("""{"status":"not_ready"}""", await notReady.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"requests during the outage took {watch.Elapsed}");
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Message.Contains("fail open", StringComparison.Ordinal));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 2012 && r.Message.Contains("reason=store_unavailable", StringComparison.Ordinal));

        await _redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            using var again = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
            status = again.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        var fresh = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-2")).FunctionUrl("secret_action"));
        using var recovered = await client.PostJsonAsync(fresh, SwaigRequests.Call("secret_action", callId: "call-2"));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task During_an_outage_calls_stop_waiting_for_redis_after_the_first_failures()
    {
        // A long operation timeout makes the difference plain: every call that waited for Redis would take 2 s.
        var agent = new TestAgent(ReplicaOptions(o => o.OneTimeTokens = true));
        await using var server = await StartReplicaAsync(agent, TimeSpan.FromSeconds(2));
        using var client = server.CreateClient();
        var book = SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al" });
        using (var warm = await client.PostJsonAsync("/swaig", book))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await _redis.StopAsync();
        var first = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
        {
            // The first failures (the threshold) each wait out the timeout, then the circuit opens.
            using var waited = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al" }, callerNumber: $"+1555000000{i}"));
            Assert.Equal("""{"response":"booked"}""", await waited.ReadTextAsync());
        }

        first.Stop();
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync($"outage-{i}")).FunctionUrl("secret_action"));
            var watch = Stopwatch.StartNew();
            using var limited = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al" }, callerNumber: $"+1666000000{i}"));
            using var single = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action", callId: $"outage-{i}"));
            latencies.Add(watch.Elapsed);
            Assert.Equal("""{"response":"booked"}""", await limited.ReadTextAsync());
            Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"first failing calls: {first.Elapsed.TotalMilliseconds:F0} ms; then per call pair: {string.Join(", ", latencies.Select(l => l.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        Assert.True(first.Elapsed >= TimeSpan.FromSeconds(2), $"the first failures should have waited for Redis ({first.Elapsed})");
        Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(1), $"a call pair waited {l} for a Redis known to be down"));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 3003);
        using var notReady = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

        await _redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!server.Logs.GetSnapshot().Any(r => r.Id.Id == 3004) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var fresh = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("after")).FunctionUrl("secret_action"));
        using var recovered = await client.PostJsonAsync(fresh, SwaigRequests.Call("secret_action", callId: "after"));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("password")]
    public void Multi_replica_mode_refuses_per_process_secrets(string missing)
    {
        var agent = new TestAgent(ReplicaOptions(o =>
        {
            if (missing == "secret")
            {
                o.SwaigSecret = null;
            }
            else
            {
                o.BasicAuthUser = null;
                o.BasicAuthPassword = null;
            }
        }));

        var ex = Assert.Throws<AgentConfigurationException>(() =>
            AgentApplication.Create(agent, configure: builder => builder.Services.AddSignalWireRedis(o => o.Configuration = _redis.Url)));

        Assert.Contains(missing == "secret" ? "SIGNALWIRE_SWAIG_SECRET" : "SWML_BASIC_AUTH_PASSWORD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_verified_on_one_replica_is_verified_on_the_other_and_failures_count_across_both()
    {
        static AgentBase Bank()
        {
            var agent = new AgentBase(ReplicaOptions());
            agent.UseCallerVerification(Verification.CallerVerifier.Secret((_, _) => ValueTask.FromResult<string?>("2468")));
            agent.DefineTool("transfer", "Move money", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("moved")), new Tools.ToolOptions { RequiresVerifiedCaller = true });
            return agent;
        }

        await using var a = await StartReplicaAsync(Bank());
        await using var b = await StartReplicaAsync(Bank());
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        async Task<string> VerifyAsync(HttpClient client, string callId, string code)
        {
            var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync(callId)).FunctionUrl("verify_caller"));
            using var response = await client.PostJsonAsync(path, SwaigRequests.Call("verify_caller", new() { ["code"] = code }, callId: callId, callerNumber: "+14155550123"));
            return await response.ReadTextAsync();
        }

        async Task<string> TransferAsync(HttpClient client, string callId)
        {
            using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer", callId: callId, callerNumber: "+14155550123"));
            return await response.ReadTextAsync();
        }

        Assert.Equal("""{"response":"The caller is verified. Go on with what they asked for."}""", await VerifyAsync(clientA, "call-1", "2468"));
        Assert.Equal("""{"response":"moved"}""", await TransferAsync(clientB, "call-1"));

        // Wrong codes alternate between replicas; the number's budget of five is shared.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("""{"response":"That code is not correct. Ask the caller to check it and try again."}""", await VerifyAsync(i % 2 == 0 ? clientA : clientB, $"call-x{i}", "0000"));
        }

        Assert.Equal("""{"response":"Too many incorrect codes. Verification is locked for this caller for now; offer other help."}""", await VerifyAsync(clientB, "call-y", "2468"));
    }
}
