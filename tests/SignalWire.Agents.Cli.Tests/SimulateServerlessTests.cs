using System.Text.Json.Nodes;

namespace SignalWire.Agents.Cli.Tests;

/// <summary><c>--simulate-serverless</c>: the URLs an agent renders when deployed as deploy/ deploys it.</summary>
public sealed class SimulateServerlessTests
{
    private static readonly Dictionary<string, string> Credentials = new()
    {
        ["SWML_BASIC_AUTH_USER"] = "platform",
        ["SWML_BASIC_AUTH_PASSWORD"] = "a-password-long-enough-for-the-audit-0123",
    };

    [Theory]
    [InlineData("azure", "https://platform:a-password-long-enough-for-the-audit-0123@swaig-test.azurewebsites.net/api/swaig/")]
    [InlineData("lambda", "https://platform:a-password-long-enough-for-the-audit-0123@swaig-test.lambda-url.us-east-1.on.aws/swaig/")]
    [InlineData("cloud-run", "https://platform:a-password-long-enough-for-the-audit-0123@swaig-test-3x4mpl3-uc.a.run.app/swaig/")]
    public async Task The_document_carries_the_platforms_public_webhook_url(string platform, string webhook)
    {
        var result = await SwaigTest.RunAsync(Credentials, SwaigTest.SecureAgent, "--dump-swml", "--raw", "--simulate-serverless", platform);

        Assert.True(result.ExitCode == 0, result.ToString());
        var ai = JsonNode.Parse(result.Output)!["sections"]!["main"]!.AsArray().Select(v => v!["ai"]).Single(a => a is not null)!;
        Assert.Equal(webhook, ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.StartsWith(webhook + "?__token=", ai["SWAIG"]!["functions"]!.AsArray().Single(f => (string?)f!["function"] == "transfer_funds")!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azure")]
    [InlineData("lambda")]
    [InlineData("cloud-run")]
    public async Task A_tool_call_goes_through_the_platforms_request_path(string platform)
    {
        var result = await SwaigTest.RunAsync(Credentials, SwaigTest.SecureAgent, "--exec", "get_balance", "--arg", "account_type=checking", "--raw", "--simulate-serverless", platform);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"The checking balance is $2,450.17."}""", result.Output.Trim());
    }

    [Fact]
    public async Task The_users_own_settings_win_over_the_simulated_platforms()
    {
        var result = await SwaigTest.RunAsync(Credentials, SwaigTest.SecureAgent, "--dump-swml", "--raw", "--simulate-serverless", "cloud-run",
            "--env", "SWML_PROXY_URL_BASE=https://voice.example.com/bank");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("@voice.example.com/bank/swaig/", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a.run.app", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_platform_is_a_usage_error()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--dump-swml", "--simulate-serverless", "heroku");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("heroku", result.Error, StringComparison.Ordinal);
    }
}
