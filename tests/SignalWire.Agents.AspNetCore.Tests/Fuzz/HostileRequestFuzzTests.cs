using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Tests.Fuzz;

/// <summary>
/// Seeded hostile requests against real Kestrel, checking after every one: no 5xx, refusals as JSON, no stack
/// trace or secret in any response or log line, and no handler run without valid credentials (and, for a
/// secure tool, the genuine token for that very function and call). <c>SWML_FUZZ_CASES</c> (default 10,000,
/// split between a default and a hardened agent) and <c>SWML_FUZZ_SEED</c> change the run.
/// </summary>
public sealed class HostileRequestFuzzTests
{
    private const int DefaultCases = 10_000;
    private const int DefaultSeed = 20261129;
    private const string SigningKey = "PSK_fuzz_signing_key_0123456789";
    private const string VaultPassword = "the-vault-has-its-own-password-0123456789";

    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SWML_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SWML_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    private static readonly HashSet<int> HandlerFailureEvents = [1003, 1004, 1021];
    private static readonly Lock ReportGate = new();

    [Fact]
    public Task A_default_agent_holds_under_hostile_requests() =>
        RunAsync(Cases * 6 / 10, Seed, hardened: false);

    [Fact]
    public Task A_hardened_agent_holds_under_hostile_requests() =>
        RunAsync(Cases - (Cases * 6 / 10), Seed + 1, hardened: true);

    /// <summary>
    /// The default agent at <c>/</c> of an AgentServer with SIP routing, beside an agent with other credentials that
    /// calls to <c>sip:vault@…</c> name: every SWML fetch takes the routing path (the whole body is read), and nothing
    /// may reach the other agent with the first one's credentials.
    /// </summary>
    [Fact]
    public Task An_agent_on_a_server_with_sip_routing_holds_under_hostile_requests() =>
        RunAsync(Cases / 5, Seed + 2, hardened: false, onServer: true);

    private static TestAgent Agent(bool hardened)
    {
        // Failed logins are the point of many cases, so the lockout (tested on its own) must not end the run early.
        var options = AgentTestServer.Options().With(o => o.AuthFailureLimit = 1_000_000);
        if (!hardened)
        {
            return new TestAgent(options);
        }

        var agent = new TestAgent(options.With(o =>
        {
            o.SigningKey = SigningKey;
            o.AllowedHosts = ["127.0.0.1"];
            o.OneTimeTokens = true;
            o.TrustedProxies = ["127.0.0.1"];
        }));
        agent.OnRequest((request, copy, _) =>
        {
            if (request.Query.TryGetValue("tier", out var tier))
            {
                copy.SetGlobalData(new() { ["tier"] = tier });
            }

            return ValueTask.CompletedTask;
        });
        return agent;
    }

    private static async Task RunAsync(int cases, int seed, bool hardened, bool onServer = false)
    {
        var agent = Agent(hardened);
        var vault = new TestAgent(AgentTestServer.Options("vault", "/vault").With(o => o.BasicAuthPassword = VaultPassword));
        await using var server = onServer
            ? await AgentTestServer.StartAsync(new AgentServer(new AgentOptions { Name = "fuzz-server", Host = "127.0.0.1", Port = 0, AuditLogPath = AgentSettings.NoAuditSink })
                .Register(agent).Register(vault).EnableSipRouting())
            : await AgentTestServer.StartAsync(agent);
        var token = await MintTokenAsync(server, hardened);
        var target = new FuzzTarget(server.BaseAddress, token, hardened ? System.Text.Encoding.UTF8.GetBytes(SigningKey) : null, "127.0.0.1");
        var generator = new HostileRequestGenerator(new Random(seed), target);
        var statuses = new SortedDictionary<int, int>();
        var kestrelRefusals = 0;
        var handlerRuns = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var fuzz = generator.Next();
            var before = agent.Calls.Count;
            var response = await RawHttp.SendAsync(server.BaseAddress, fuzz.Bytes, timeout: TimeSpan.FromSeconds(20), headOnly: fuzz.IsHead, cancellationToken: TestContext.Current.CancellationToken);
            var where = $"case {i} (seed {seed}, {fuzz.Kind}): {Describe(fuzz)}";
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            kestrelRefusals += CheckResponse(fuzz, response, token, where) ? 1 : 0;
            Assert.False(response.Body.Contains(VaultPassword, StringComparison.Ordinal), $"{where}: another agent's credentials were served");
            handlerRuns += CheckHandlers(agent, before, fuzz, where);
        }

        clock.Stop();
        Assert.Empty(agent.Summaries);
        Assert.Empty(vault.Calls);
        CheckLogs(server, token);
        Report(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {(hardened ? "hardened" : "default")} agent{(onServer ? " on an AgentServer with SIP routing" : string.Empty)}, {cases} cases (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s ({cases / clock.Elapsed.TotalSeconds:F0}/s); " +
            $"handlers run {handlerRuns}; bare Kestrel refusals {kestrelRefusals}; statuses {string.Join(", ", statuses.Select(kv => $"{kv.Key}x{kv.Value}"))}"));
        Assert.True(handlerRuns > cases / 300, $"only {handlerRuns} handler runs: the fuzzer no longer reaches the tools");
    }

    /// <summary>The figures go to the test output and to <c>artifacts/fuzz-report.txt</c>, which CI prints.</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var directory = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(directory);
        lock (ReportGate)
        {
            File.AppendAllText(Path.Combine(directory, "fuzz-report.txt"), line + Environment.NewLine);
        }
    }

    private static async Task<string> MintTokenAsync(AgentTestServer server, bool hardened)
    {
        using var client = server.CreateClient();
        var path = "/?call_id=" + FuzzTarget.TokenCallId;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (hardened)
        {
            request.Headers.Add("X-SignalWire-Signature", Agents.Security.WebhookSignature.ComputeHex(System.Text.Encoding.UTF8.GetBytes(SigningKey), "http://127.0.0.1" + path, []));
            request.Headers.Host = "127.0.0.1";
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var document = (await response.ReadJsonAsync()).AsObject();
        return HttpTestExtensions.TokenOf(document.FunctionUrl(FuzzTarget.TokenFunction));
    }

    /// <summary>Checks one response; returns whether it was a bare refusal by Kestrel (before any application code).</summary>
    private static bool CheckResponse(FuzzCase fuzz, RawResponse response, string token, string where)
    {
        Assert.True(response.Status is 0 or (>= 200 and < 500), $"{where}: status {response.Status}");
        Assert.True(response.Status != 0 || fuzz.ProtocolLevel, $"{where}: the connection closed without a response");
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.SwaigSecret, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningKey, response.Body, StringComparison.Ordinal);
        if (response.Status == 200 && !fuzz.ValidAuth)
        {
            Assert.True(fuzz.Path is "/health" or "/ready", $"{where}: 200 without valid credentials");
        }

        // Dot segments ("/swaig/..") are normalised by Kestrel, so more than "/" can fetch the document.
        var isDocument = response.Status == 200 && fuzz.ValidAuth && response.Body.StartsWith("{\"version\":", StringComparison.Ordinal);
        if (!isDocument)
        {
            // Only an authenticated document may carry credentials and tokens (in its webhook URLs).
            Assert.DoesNotContain(token, response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(TestCredentials.Password), response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCredentials.Password, response.Body, StringComparison.Ordinal);
        }

        if (response.Status >= 400 && !fuzz.IsHead)
        {
            if (response.Body.Length == 0 && response.Header("Content-Length") == "0")
            {
                // Kestrel refused the request line or headers itself; the application never saw it.
                Assert.True(response.Status is 400 or 404 or 405 or 413 or 414 or 431, $"{where}: bare {response.Status}");
                return true;
            }

            using var json = JsonDocument.Parse(response.Body);
            Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("error").ValueKind);
            Assert.StartsWith("application/json", response.Header("Content-Type"), StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Every handler that ran did so for a request with valid credentials, and a secure one with its own genuine token.</summary>
    private static int CheckHandlers(TestAgent agent, int before, FuzzCase fuzz, string where)
    {
        var runs = agent.Calls.Skip(before).ToList();
        foreach (var (function, _, context) in runs)
        {
            Assert.True(fuzz.ValidAuth, $"{where}: {function} ran without valid credentials");
            if (function is "secret_action" or "other_secret")
            {
                Assert.True(fuzz.CarriesValidToken && function == FuzzTarget.TokenFunction && context.CallId == FuzzTarget.TokenCallId,
                    $"{where}: secure {function} ran for call {context.CallId} without its token");
            }
        }

        return runs.Count;
    }

    private static void CheckLogs(AgentTestServer server, string token)
    {
        var records = server.Logs.GetSnapshot();
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception;
            foreach (var secret in new[] { TestCredentials.Password, Uri.EscapeDataString(TestCredentials.Password), TestCredentials.EncodedPair, TestCredentials.SwaigSecret, SigningKey, token })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret in the log: [{record.Category}] {record.Message}");
            }

            if (record.Level < LogLevel.Information || HandlerFailureEvents.Contains(record.Id.Id))
            {
                // Kestrel's Debug diagnostics attach the exception that ended a bad request; handler failures are logged once, on purpose.
                continue;
            }

            Assert.True(record.Exception is null && !record.Message.Contains("   at ", StringComparison.Ordinal), $"a stack trace in the log: [{record.Category}] {record.Message} {record.Exception}");
            Assert.True(record.Level < LogLevel.Error, $"an error in the log: [{record.Category}] {record.Message}");
        }
    }

    private static string Describe(FuzzCase fuzz)
    {
        var text = System.Text.Encoding.UTF8.GetString(fuzz.Bytes);
        return text.Length > 400 ? text[..400] + "..." : text;
    }
}
