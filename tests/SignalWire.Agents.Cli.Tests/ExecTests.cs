using System.Text.Json.Nodes;

namespace SignalWire.Agents.Cli.Tests;

public sealed class ExecTests
{
    [Fact]
    public async Task RunsARegularToolAndPrintsTheFunctionResult()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--exec", "get_balance", "--arg", "account_type=savings", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"The savings balance is $12,900.00."}""", result.Output.Trim());
    }

    [Fact]
    public async Task RunsASecureToolWithEveryLayerOn()
    {
        // Signature checks, one-time tokens, a proxy base and fixed credentials: the tool still signs and authenticates like the platform.
        var audit = Directory.CreateTempSubdirectory("swaig-test-");
        try
        {
            var environment = SwaigTest.Hardened(audit.FullName);
            environment["EXAMPLE_VERIFICATION_PIN"] = "2468";
            var result = await SwaigTest.RunAsync(environment, SwaigTest.SecureAgent, "--verify", "24 68",
                "--exec", "transfer_funds", "--arg", "amount=25.5", "--arg", "to-account=1234567890", "--arg", "confirmed=true", "--raw", "--call-id", "call-exec-1");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("""{"response":"Transferred $25.50 to the account ending in 7890.","action":[{"set_global_data":{"last_transfer_amount":"25.5"}}]}""", result.Output.Trim());
            var auditText = await ReadWhenWrittenAsync(Path.Combine(audit.FullName, "audit.jsonl"));
            var transfer = auditText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Single(l => l["function"]?.GetValue<string>() == "transfer_funds");
            Assert.Equal("call-exec-1", transfer["call_id"]!.GetValue<string>());
            Assert.Contains("\"event\":\"caller_verified\"", auditText, StringComparison.Ordinal);
            Assert.DoesNotContain("1234567890", auditText, StringComparison.Ordinal);
            // Not as a number of its own: timestamps and durations are digits too (".2468334Z").
            Assert.DoesNotMatch(@"(?<!\d)2468(?!\d)", auditText);
        }
        finally
        {
            audit.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task InvalidArgumentsAreAnsweredByTheAgentsValidator()
    {
        var result = await SwaigTest.RunAsync(new Dictionary<string, string> { ["EXAMPLE_VERIFICATION_PIN"] = "2468" }, SwaigTest.SecureAgent,
            "--verify", "2468", "--exec", "transfer_funds", "--arg", "amount=-3", "--arg", "to_account=123", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"response":"The arguments for transfer_funds are invalid: amount must be greater than 0; to_account must be exactly 10 characters long. Ask the caller for the correct value and try again."}""",
            result.Output.Trim());
    }

    [Fact]
    public async Task WithoutVerificationTheProtectedToolAsksForItAndAWrongCodeStopsTheCommand()
    {
        var environment = new Dictionary<string, string> { ["EXAMPLE_VERIFICATION_PIN"] = "2468" };
        var unverified = await SwaigTest.RunAsync(environment, SwaigTest.SecureAgent, "--exec", "transfer_funds", "--args-json", """{"amount": 5, "to_account": "1234567890", "confirmed": true}""", "--raw");
        var wrong = await SwaigTest.RunAsync(environment, SwaigTest.SecureAgent, "--verify", "1111", "--exec", "transfer_funds", "--args-json", """{"amount": 5, "to_account": "1234567890", "confirmed": true}""", "--raw");

        Assert.Equal((0, """{"response":"This action needs the caller to be verified first. Ask the caller for their verification code and call verify_caller with it."}"""), (unverified.ExitCode, unverified.Output.Trim()));
        Assert.Equal((1, "error: --verify: the caller was not verified: That code is not correct. Ask the caller to check it and try again.\n"), (wrong.ExitCode, wrong.Error.ReplaceLineEndings("\n")));
        Assert.Equal(string.Empty, wrong.Output);
    }

    [Fact]
    public async Task EmergencyModeBlocksTheSecureToolThroughThePipeline()
    {
        var result = await SwaigTest.RunAsync(new Dictionary<string, string> { ["AGENT_EMERGENCY_MODE"] = "true" }, SwaigTest.SecureAgent,
            "--exec", "transfer_funds", "--args-json", """{"amount": 5, "to_account": "1234567890", "confirmed": true}""", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Transferred", result.Output, StringComparison.Ordinal);
        Assert.Equal("This service is temporarily unavailable.", JsonNode.Parse(result.Output)!["response"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValuesAreTypedByTheToolSchema()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "count_items",
            "--arg", "items=1,2,3", "--arg", "exact=yes", "--call-id", "c-9", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"6 in total, exact=True, call c-9"}""", result.Output.Trim());
    }

    [Fact]
    public async Task AValueThatDoesNotFitItsTypeIsRefusedBeforeAnyRequest()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--exec", "transfer_funds", "--arg", "amount=abc");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --arg amount: 'abc' is not a valid number.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AnUnknownToolListsTheToolsThereAre()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--exec", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Function 'nope' not found in agent 'secure-agent'. Tools: get_balance, verify_caller, transfer_funds, speak_to_banker.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DataMapToolsShowTheResolvedWebhookRequest()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "get_weather",
            "--arg", "city=New York", "--arg", "units=Metric", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"function":"get_weather","executed_by":"signalwire","webhooks":[{"method":"GET","url":"https://api.example.com/weather?q=New%20York&units=metric","headers":{"Authorization":"***","Accept":"application/json"}}],"fallback_output":{"response":"The weather service is unavailable."}}""",
            result.Output.Trim());
    }

    [Fact]
    public async Task DataMapExpressionsAreMatchedFirst()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "greet", "--arg", "language=French", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"function":"greet","executed_by":"signalwire","matched_expression":{"string":"French","pattern":"/^fr/i"},"output":{"response":"Bonjour !"}}""", result.Output.Trim());
    }

    private static async Task<string> ReadWhenWrittenAsync(string path)
    {
        // The audit file is drained when the host stops, which happens before the tool exits.
        Assert.True(File.Exists(path), $"{path} should exist");
        return await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
    }
}
