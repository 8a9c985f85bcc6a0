using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Cli.Tests;

public sealed class DumpSwmlTests
{
    [Fact]
    public async Task RawDumpIsSchemaValidSwmlWithTokensBoundToTheFakeCall()
    {
        var environment = new Dictionary<string, string> { ["SIGNALWIRE_SWAIG_SECRET"] = "dump-test-secret-of-sufficient-length" };

        var result = await SwaigTest.RunAsync(environment, SwaigTest.SecureAgent, "--dump-swml", "--raw", "--call-id", "call-dump-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        Assert.DoesNotContain('\n', result.Output.TrimEnd());
        var swml = JsonNode.Parse(result.Output)!;
        SwmlSchema.AssertValid(result.Output);
        var functions = swml["sections"]!["main"]!.AsArray().Select(v => v!["ai"]).OfType<JsonNode>().Single()["SWAIG"]!["functions"]!.AsArray();
        var url = new Uri(functions.Single(f => f!["function"]!.GetValue<string>() == "transfer_funds")!["web_hook_url"]!.GetValue<string>());
        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["__token"]!;
        var tokens = new SwaigTokenService(Encoding.UTF8.GetBytes(environment["SIGNALWIRE_SWAIG_SECRET"]), "secure-agent", TimeSpan.FromHours(1), TimeProvider.System);
        Assert.Equal(TokenCheck.Valid, tokens.Check(token, "transfer_funds", "call-dump-1"));
        Assert.NotEqual(TokenCheck.Valid, tokens.Check(token, "transfer_funds", "another-call"));
    }

    [Fact]
    public async Task ReadableDumpHasAHeadingThenIndentedJson()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--dump-swml", "--call-id", "c-7");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n', 2);
        Assert.Equal("# SWML of agent 'secure-agent' for call c-7", lines[0]);
        Assert.StartsWith("{\n  \"version\": \"1.0.0\"", lines[1], StringComparison.Ordinal);
        SwmlSchema.AssertValid(lines[1]);
    }

    [Fact]
    public async Task QueryAndHeadersReachPerRequestConfiguration()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--dump-swml", "--raw",
            "--query", "tenant=acme corp", "--header", "X-Region=eu-west", "--call-type", "sip");

        Assert.True(result.ExitCode == 0, result.ToString());
        var swml = JsonNode.Parse(result.Output)!;
        SwmlSchema.AssertValid(result.Output);
        var pom = swml["sections"]!["main"]!.AsArray().Select(v => v!["ai"]).OfType<JsonNode>().Single()["prompt"]!["pom"]!.AsArray();
        Assert.Equal("Tenant acme corp in region eu-west.", pom.Single(s => s!["title"]!.GetValue<string>() == "Tenant")!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABodyThatIsNotAJsonObjectIsRefused()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--dump-swml", "--body", "[1,2]");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --body must be a JSON object.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_agent_whose_packages_bring_native_libraries_loads_and_runs()
    {
        // examples/MultiTenant reads its tenants from SQLite, whose native library sits in the agent's runtimes/ folder.
        var result = await SwaigTest.RunAsync(RepositoryPaths.BuildOutput(Path.Combine("examples", "MultiTenant"), "MultiTenant"), "--dump-swml", "--raw", "--query", "tenant=bella");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("You answer for Bella Salon.", result.Output, StringComparison.Ordinal);
    }
}
