using System.Text.Json.Nodes;

namespace SignalWire.Agents.Cli.Tests;

public sealed class AuditTests : IDisposable
{
    private readonly DirectoryInfo _auditDirectory = Directory.CreateTempSubdirectory("swaig-audit-");

    public void Dispose() => _auditDirectory.Delete(recursive: true);

    [Fact]
    public async Task AHardenedDeploymentPassesEveryCheck()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.Hardened(_auditDirectory.FullName), "audit", SwaigTest.SecureAgent, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "https PASS", "basic-auth PASS", "token-secret PASS", "sensitive-tools PASS", "tool-schemas PASS", "rate-limits PASS",
                "audit-log PASS", "signing-key PASS", "rotation PASS", "security-boundaries PASS", "open-ended-parameters PASS", "one-time-tokens PASS",
                "destinations PASS", "call-limit PASS", "caller-verification PASS", "cors PASS",
            ],
            Verdicts(result.Output));
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal("Tool results may dial or text US, CA only; high-cost numbers are refused; 5 transfers and 5 messages per call.", Reason(result.Output, "destinations"));
        Assert.Equal("Callers verify by secret before protected tools run.", Reason(result.Output, "caller-verification"));
        Assert.Equal(("secure-agent", 16, 0, 0), (report["agent"]!.GetValue<string>(), report["passed"]!.GetValue<int>(), report["warnings"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TheExampleWithoutDeploymentSettingsFailsOnConfiguration()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--audit", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "https FAIL", "basic-auth FAIL", "token-secret FAIL", "sensitive-tools PASS", "tool-schemas PASS", "rate-limits PASS",
                "audit-log WARN", "signing-key WARN", "rotation PASS", "security-boundaries PASS", "open-ended-parameters PASS", "one-time-tokens WARN",
                "destinations PASS", "call-limit PASS", "caller-verification PASS", "cors PASS",
            ],
            Verdicts(result.Output));
    }

    [Fact]
    public async Task ACarelessAgentFailsOnItsToolsEvenWhenDeployedWell()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.Hardened(_auditDirectory.FullName), "audit", SwaigTest.TestAgents, "--agent", "CarelessAgent", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "https PASS", "basic-auth PASS", "token-secret PASS", "sensitive-tools FAIL", "tool-schemas FAIL", "tool-schemas WARN", "rate-limits WARN",
                "audit-log PASS", "signing-key PASS", "rotation PASS", "security-boundaries WARN", "open-ended-parameters WARN", "one-time-tokens PASS",
                "destinations WARN", "call-limit PASS", "caller-verification PASS", "cors PASS",
            ],
            Verdicts(result.Output));
        var reasons = JsonNode.Parse(result.Output)!["findings"]!.AsArray().Where(f => f!["verdict"]!.GetValue<string>() != "PASS")
            .Select(f => f!["reason"]!.GetValue<string>()).ToList();
        Assert.Equal(
            [
                "'delete_account' looks sensitive (money, deletion or credentials) but lacks secure and confirmation.",
                "'delete_account': parameter(s) account_id have no type, so any value passes validation.",
                "'delete_account' has no \"required\" list, so the model may call it with any parameter missing.",
                "No rate limit on delete_account, run_report, and no per-IP ceiling.",
                "The prompt has no security-boundaries section telling the model what it must refuse.",
                "'run_report.sql' is a free-form string named like a query or command; callers can talk the model into passing anything.",
                "2 tool handler(s) can return connect, transfer, SMS or SIP refer actions, and any country may be dialled (premium-rate numbers are still refused; 5 transfers and 5 messages per call).",
            ],
            reasons);
    }

    [Fact]
    public async Task WeakOrDefaultCredentialsAreCalledOut()
    {
        var weak = SwaigTest.Hardened(_auditDirectory.FullName);
        weak["SWML_BASIC_AUTH_PASSWORD"] = "short";
        weak["SIGNALWIRE_SWAIG_SECRET"] = "also-short";
        var defaultUser = SwaigTest.Hardened(_auditDirectory.FullName);
        defaultUser.Remove("SWML_BASIC_AUTH_USER");
        var plainProxy = SwaigTest.Hardened(_auditDirectory.FullName);
        plainProxy["SWML_PROXY_URL_BASE"] = "http://bank.example.com";

        var weakResult = await SwaigTest.RunAsync(weak, "audit", SwaigTest.SecureAgent, "--json");
        var defaultResult = await SwaigTest.RunAsync(defaultUser, "audit", SwaigTest.SecureAgent, "--json");
        var plainResult = await SwaigTest.RunAsync(plainProxy, "audit", SwaigTest.SecureAgent, "--json");

        Assert.Equal(1, weakResult.ExitCode);
        Assert.Equal("The Basic Auth password has 5 characters; at least 32 are required.", Reason(weakResult.Output, "basic-auth"));
        Assert.Equal("The token secret has 10 characters; at least 32 are required.", Reason(weakResult.Output, "token-secret"));
        Assert.Equal(0, defaultResult.ExitCode);
        Assert.Contains("basic-auth WARN", Verdicts(defaultResult.Output));
        Assert.Equal(1, plainResult.ExitCode);
        Assert.Contains("https FAIL", Verdicts(plainResult.Output));
    }

    [Fact]
    public async Task TheTableShowsVerdictReasonAndFix()
    {
        var result = await SwaigTest.RunAsync("audit", SwaigTest.SecureAgent);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Hardening audit of agent 'secure-agent'", lines[0]);
        var https = Array.FindIndex(lines, l => l.StartsWith("FAIL  https ", StringComparison.Ordinal));
        Assert.True(https > 0, result.Output);
        Assert.Contains("fix: Set SWML_SSL_ENABLED=true", lines[https + 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("PASS  sensitive-tools ", StringComparison.Ordinal));
        Assert.Contains("10 passed, 3 warnings, 3 failed", lines);
    }

    [Fact]
    public async Task ARotationUnderWayIsCalledOutUntilThePreviousValuesAreRemoved()
    {
        var environment = SwaigTest.Hardened(_auditDirectory.FullName);
        environment[EnvironmentVariables.PreviousSwaigSecret] = "old-token-secret-0123456789abcdef";
        environment[EnvironmentVariables.PreviousBasicAuthPassword] = "old-password-0123456789abcdefghij";

        var result = await SwaigTest.RunAsync(environment, "audit", SwaigTest.SecureAgent, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rotation WARN", Verdicts(result.Output));
        Assert.Equal("A rotation is under way: SIGNALWIRE_SWAIG_SECRET_PREVIOUS, SWML_BASIC_AUTH_PASSWORD_PREVIOUS still accepted.", Reason(result.Output, "rotation"));
        Assert.DoesNotContain("old-token-secret", result.Output, StringComparison.Ordinal);
    }

    private static List<string> Verdicts(string json) =>
        [.. JsonNode.Parse(json)!["findings"]!.AsArray().Select(f => $"{f!["check"]!.GetValue<string>()} {f["verdict"]!.GetValue<string>()}")];

    private static string Reason(string json, string check) =>
        JsonNode.Parse(json)!["findings"]!.AsArray().Single(f => f!["check"]!.GetValue<string>() == check)!["reason"]!.GetValue<string>();
}
