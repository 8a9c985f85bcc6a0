namespace SignalWire.Agents.Cli.Tests;

/// <summary><c>--user-vars</c>, <c>--override</c>, <c>--override-json</c> and the gate trace of <c>--verbose</c>.</summary>
public sealed class CallOptionTests
{
    [Fact]
    public async Task User_variables_reach_per_request_configuration()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--dump-swml", "--raw", "--user-vars", """{"plan":"gold"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Caller plan gold.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_changes_a_field_of_the_tool_call_the_handler_receives()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "count_items", "--args-json", """{"items":[1,2]}""",
            "--override", "call_id=override-call-7", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"3 in total, exact=False, call override-call-7"}""", result.Output.Trim());
    }

    [Fact]
    public async Task A_json_override_replaces_a_structured_field()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "count_items", "--args-json", """{"items":[1]}""",
            "--call-id", "call-j", "--override-json", """argument.parsed=[{"items":[4,5],"exact":true}]""", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"9 in total, exact=True, call call-j"}""", result.Output.Trim());
    }

    [Theory]
    [InlineData("--override", "call.state.deeper=1", "error: Override 'call.state.deeper': 'call.state' is not an object in the request body.")]
    [InlineData("--override", "call..state=1", "error: --override 'call..state': the path must be names separated by dots, like call.state.")]
    [InlineData("--override-json", "call.state={oops", "error: --override-json call.state is not valid JSON:")]
    [InlineData("--user-vars", "[1]", "error: --user-vars must be a JSON object.")]
    public async Task A_malformed_change_is_one_clear_error(string option, string value, string error)
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--dump-swml", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(error, result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_prints_each_gate_decision_in_order()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--exec", "get_balance", "--arg", "account_type=savings", "--raw", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        var gates = result.Error.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("gate ", StringComparison.Ordinal) || l.StartsWith("handler:", StringComparison.Ordinal) || l.StartsWith("call ", StringComparison.Ordinal));
        Assert.Equal(["gate admission: pass", "gate rate_limit: pass", "gate validation: pass", "handler: pass", "gate destinations: pass", "call get_balance: success"], gates);
    }

    [Fact]
    public async Task Verbose_names_the_gate_that_refused_a_call()
    {
        // The token is minted for the fake call; the override moves the request to another call, so the token gate refuses it.
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--exec", "transfer_funds", "--args-json", """{"amount":5,"to_account":"1234567890","confirmed":true}""",
            "--override", "call_id=someone-elses-call", "--raw", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gate token: refused", result.Error, StringComparison.Ordinal);
        Assert.Contains("call transfer_funds: refused", result.Error, StringComparison.Ordinal);
    }
}
