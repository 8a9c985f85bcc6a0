namespace SignalWire.Agents.Cli.Tests;

/// <summary><c>--route</c>: one agent of an agent server made by an <c>[AgentFactory]</c> (examples/MultiAgent's front desk).</summary>
public sealed class RouteTests
{
    [Fact]
    public async Task A_route_picks_that_agent_of_the_server_and_runs_its_tool()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.MultiAgent, "--route", "/sales", "--exec", "get_price", "--arg", "plan=pro", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"Pro is $49 a month."}""", result.Output.Trim());
    }

    [Fact]
    public async Task The_document_is_the_one_the_routed_agent_serves()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.MultiAgent, "--route", "/support", "--dump-swml", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("You are Example Corp's support desk.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sales desk", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--route", "/nowhere" }, "error: --route: 'front-desk' has no agent at '/nowhere'. Routes: /, /sales, /support.")]
    [InlineData(new[] { "--agent", "front-desk" }, "error: 'front-desk' is an agent server; choose one of its agents with --route ROUTE (/, /sales, /support).")]
    [InlineData(new[] { "--agent", "Receptionist", "--route", "/sales" }, "error: --route: 'Receptionist' is a single agent, not an agent server.")]
    public async Task A_route_that_cannot_be_served_is_one_clear_error(string[] selection, string error)
    {
        var result = await SwaigTest.RunAsync([SwaigTest.MultiAgent, .. selection, "--list-tools"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Error.Trim());
    }

    [Fact]
    public async Task List_agents_shows_the_server_among_the_agents()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.MultiAgent, "--list-agents");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("front-desk    agent server MultiAgentExample.FrontDesk.Create (pick an agent with --route)", result.Output, StringComparison.Ordinal);
    }
}
