using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SignalWire.Agents.Destinations;
using SignalWire.Agents.AspNetCore.Tests.Verification;

namespace SignalWire.Agents.AspNetCore.Tests.Fuzz;

/// <summary>
/// Seeded cases at the edges of the SDK's own defenses, over real HTTP, each with an exact expectation: SWML-valued
/// strings in handler results (dangerous ones removed, safe ones kept), spellings of one caller number (one budget of
/// wrong codes), and static-file paths with hidden segments and links (never served). <c>SWML_FUZZ_CASES</c> and
/// <c>SWML_FUZZ_SEED</c> scale and change the run like the hostile-request suite.
/// </summary>
public sealed class EdgeFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SWML_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10_000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SWML_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261208;

    [Fact]
    public async Task Swml_valued_strings_in_handler_results_never_dial_out_past_the_policy()
    {
        var options = AgentTestServer.Options("edge");
        options.Destinations = new DestinationPolicy { AllowedTransferHosts = ["swml.example.com"], AllowedSipDomains = ["pbx.example.com", "trunk.example.com"], MaxTransfersPerCall = 50 };
        var agent = new AgentBase(options);
        agent.DefineTool("act", "Run an action", new JsonObject { ["action"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Done.").AddAction((JsonObject)JsonNode.Parse(args["action"]!.GetValue<string>())!)));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var generator = new EdgeGenerators(new Random(Seed));
        var (removed, kept) = (0, 0);

        for (var i = 0; i < Math.Max(200, Cases / 20); i++)
        {
            var (action, dangerous) = generator.Action();
            using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("act", new JsonObject { ["action"] = action }, callId: $"edge-{i}"));
            var where = $"case {i} (seed {Seed}), dangerous={dangerous}: {action}";
            Assert.True(response.StatusCode == HttpStatusCode.OK, where);
            var answer = await response.ReadJsonAsync();
            if (dangerous)
            {
                Assert.True(answer["action"] is null, $"{where}: the action left the agent");
                Assert.Contains("Not done:", answer["response"]!.GetValue<string>(), StringComparison.Ordinal);
                removed++;
            }
            else
            {
                Assert.True(answer["action"] is JsonArray { Count: 1 }, $"{where}: a safe action was removed ({answer["response"]})");
                kept++;
            }
        }

        Assert.True(removed > 0 && kept > 0, $"removed {removed}, kept {kept}");
        TestContext.Current.TestOutputHelper?.WriteLine($"SWML slots: {removed} dangerous actions removed, {kept} safe ones kept (seed {Seed})");
    }

    [Fact]
    public async Task Any_spelling_of_one_number_draws_on_one_budget_of_wrong_codes()
    {
        await using var server = await AgentTestServer.StartAsync(new VerifiedAgent());
        using var client = server.CreateClient();
        var generator = new EdgeGenerators(new Random(Seed + 1));
        var answers = new List<string>();
        var spellings = new List<string>();

        for (var i = 0; i < 25; i++)
        {
            var spelling = generator.Spelling();
            spellings.Add(spelling);
            answers.Add(await client.VerifyAsync($"spelled-{i}", "0000", caller: spelling));
        }

        var wrong = answers.Count(a => a.Contains("not correct", StringComparison.Ordinal));
        Assert.True(wrong == 5, $"{wrong} wrong-code answers for spellings {string.Join(" | ", spellings)}");
        // The rest are refused before any code is compared: locked, or (past ten tries a minute) rate limited.
        Assert.All(answers.Skip(5), a => Assert.True(a.Contains("locked", StringComparison.Ordinal) || a.Contains("too many requests", StringComparison.Ordinal), a));
    }

    [Fact]
    public async Task Static_paths_with_hidden_segments_or_links_out_are_never_served()
    {
        var root = Directory.CreateTempSubdirectory("sw-edge-").FullName;
        try
        {
            var mount = Path.Combine(root, "public");
            Directory.CreateDirectory(Path.Combine(mount, ".git"));
            File.WriteAllText(Path.Combine(mount, "hold.txt"), "please hold");
            File.WriteAllText(Path.Combine(mount, ".secrets.json"), "{\"k\":\"edge-secret\"}");
            File.WriteAllText(Path.Combine(mount, ".git", "hold.txt"), "edge-secret");
            File.WriteAllText(Path.Combine(root, "hold.txt"), "edge-secret");
            File.CreateSymbolicLink(Path.Combine(mount, "leak.txt"), Path.Combine(root, "hold.txt"));
            Directory.CreateSymbolicLink(Path.Combine(mount, "up"), root);
            // Paths that resolve to the agent's own routes ask for credentials: the lockout (tested on its own) must not end the run.
            var agent = new TestAgent(AgentTestServer.Options().With(o => o.AuthFailureLimit = 1_000_000));
            await using var server = await AgentTestServer.StartAsync(agent.ServeStaticFiles(mount, "/public", isPublic: true));
            var generator = new EdgeGenerators(new Random(Seed + 2));

            for (var i = 0; i < Math.Max(100, Cases / 50); i++)
            {
                var (path, mayServe) = generator.StaticPath();
                var response = await RawHttp.SendAsync(server.BaseAddress, RawHttp.Bytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                    cancellationToken: TestContext.Current.CancellationToken);
                var where = $"case {i} (seed {Seed + 2}): {path}";
                Assert.True(response.Status is 200 or 400 or 401 or 404, $"{where}: {response.Status}");
                Assert.DoesNotContain("edge-secret", response.Body, StringComparison.Ordinal);
                Assert.True((response.Status == 200) == mayServe, $"{where}: {response.Status}");
            }

            Assert.DoesNotContain(server.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
