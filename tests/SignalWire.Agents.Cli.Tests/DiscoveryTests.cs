using System.Text.Json.Nodes;

namespace SignalWire.Agents.Cli.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task ListToolsIsTheDefaultAndShowsFlagsTypesAndRequiredness()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Agent 'secure-agent': 4 tool(s)", lines);
        Assert.Contains("get_balance  [10 per 60s]", lines);
        Assert.Contains("    account_type (string, required, one of: \"checking\", \"savings\") - Which account to read", lines);
        Assert.Contains("transfer_funds  [secure]  [sensitive]  [confirmation]  [verified caller]  [3 per 60s]", lines);
        Assert.Contains("verify_caller  [secure]  [10 per 60s]", lines);
        Assert.Contains("    amount (number, required) - Amount to transfer in US dollars", lines);
        Assert.Contains(lines, l => l.StartsWith("    confirmed (boolean, required)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RawToolListIsJsonWithTheWireSchema()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--list-tools", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        var tools = JsonNode.Parse(result.Output)!.AsArray();
        Assert.Equal(["get_balance", "verify_caller", "transfer_funds", "speak_to_banker"], tools.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([false, true, true, false], tools.Select(t => t!["secure"]!.GetValue<bool>()));
        Assert.Equal("""["account_type"]""", tools[0]!["parameters"]!["required"]!.ToJsonString());
    }

    [Fact]
    public async Task ListsClassesAndMarkedFactories()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--list-agents");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "CarelessAgent  class CliTestAgents.CarelessAgent\nweather        factory CliTestAgents.TenantAgents.CreateWeather\n",
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SeveralAgentsRequireAChoice()
    {
        var ambiguous = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--list-tools");
        var unknown = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "nobody");
        var chosen = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather");

        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Equal("error: Several agents found (CarelessAgent, weather); choose one with --agent NAME.\n", ambiguous.Error.ReplaceLineEndings("\n"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No agent named 'nobody'. Available: CarelessAgent, weather.", unknown.Error, StringComparison.Ordinal);
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Contains("Agent 'weather': 3 tool(s)", chosen.Output, StringComparison.Ordinal);
        Assert.Contains("get_weather  [data_map]", chosen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildsAProjectDirectoryBeforeLoadingIt()
    {
        var result = await SwaigTest.RunAsync(Path.Combine("examples", "SecureAgent"), "--configuration", RepositoryPaths.Configuration, "--list-tools", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, JsonNode.Parse(result.Output)!.AsArray().Count);

        // The audit as docs/cli.md writes it: the project directory, relative to the repository root.
        var audit = await SwaigTest.RunAsync("audit", "examples/SecureAgent", "--configuration", RepositoryPaths.Configuration);
        Assert.DoesNotContain(Loading.AgentLoader.NoAgentFound, audit.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Hardening audit of agent 'secure-agent'", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrUnusablePathsFailWithExitCodeOne()
    {
        var missing = await SwaigTest.RunAsync("no/such/agent.dll");
        var notAnAssembly = await SwaigTest.RunAsync("README.md");
        var noAgents = await SwaigTest.RunAsync(RepositoryPaths.BuildOutput(Path.Combine("src", "SignalWire.Agents"), "SignalWire.Agents"), "--list-agents");

        Assert.Equal((1, "error: 'no/such/agent.dll' does not exist.\n"), (missing.ExitCode, missing.Error.ReplaceLineEndings("\n")));
        Assert.Equal(1, notAnAssembly.ExitCode);
        Assert.Contains("is neither a project (.csproj or its directory) nor an assembly (.dll)", notAnAssembly.Error, StringComparison.Ordinal);
        Assert.Equal(1, noAgents.ExitCode);
        Assert.Contains("No agent found", noAgents.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dump-swml", "--exec", "get_balance")]
    [InlineData("--call-type", "pstn")]
    [InlineData("--no-such-flag")]
    public async Task InvalidCommandLinesExitWithTwo(params string[] args)
    {
        var result = await SwaigTest.RunAsync([SwaigTest.SecureAgent, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'swaig-test --help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task MissingPathIsAUsageError()
    {
        var result = await SwaigTest.RunAsync("--list-tools");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task ListSkillsNeedsNoAgentAndShowsEachSkillsParameters()
    {
        var text = await SwaigTest.RunAsync("--list-skills");
        var raw = await SwaigTest.RunAsync("--list-skills", "--raw");
        var noPath = await SwaigTest.RunAsync("--list-tools");

        Assert.True(text.ExitCode == 0, text.ToString());
        var lines = text.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("math 1.0.0  (built-in)", lines);
        Assert.Contains("  Exact arithmetic: + - * / %, powers and parentheses", lines);
        Assert.Contains("    skip_prompt (boolean, optional) - Add no prompt sections", lines);
        var skills = JsonNode.Parse(raw.Output)!.AsArray();
        Assert.Contains(skills, s => s!["name"]!.GetValue<string>() == "datetime" && s["source"]!.GetValue<string>() == "built-in");
        Assert.Equal((2, "error: Required argument missing for command: 'agent-path'."), (noPath.ExitCode, noPath.Error.ReplaceLineEndings("\n").Split('\n')[0]));
    }
}
