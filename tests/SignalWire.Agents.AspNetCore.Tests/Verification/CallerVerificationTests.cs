using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.Security;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;
using static SignalWire.Agents.AspNetCore.Tests.Verification.VerificationRequests;

namespace SignalWire.Agents.AspNetCore.Tests.Verification;

/// <summary>A secret (PIN) verifier over real HTTP: verify first, then the tool runs; wrong codes lock out per call and per number.</summary>
public sealed class CallerVerificationTests : ServedAgentTest<VerifiedAgent>
{
    private const string VerifyFirst = "This action needs the caller to be verified first. Ask the caller for their verification code and call verify_caller with it.";
    private const string Verified = "The caller is verified. Go on with what they asked for.";
    private const string WrongCode = "That code is not correct. Ask the caller to check it and try again.";
    private const string Locked = "Too many incorrect codes. Verification is locked for this caller for now; offer other help.";

    public CallerVerificationTests()
        : base(new VerifiedAgent())
    {
    }

    private List<Microsoft.Extensions.Logging.Testing.FakeLogRecord> Audit(int eventId) =>
        Server.Logs.GetSnapshot().Where(r => r.Category == AuditEvents.Category && r.Id.Id == eventId).ToList();

    private MetricCollector<long> Verifications() =>
        new(Server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "signalwire.agents.verification");

    [Fact]
    public async Task A_tool_that_needs_a_verified_caller_answers_verify_first_and_never_runs()
    {
        using var events = Verifications();

        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-1"));
        Assert.Equal(Answer("nine to five"), await Client.CallAsync("balance_hours", "call-1"));

        Assert.Equal(["balance_hours"], Agent.Ran);
        var audit = Assert.Single(Audit(2024));
        Assert.Contains("function=transfer call_id=call-1 reason=unverified", audit.Message, StringComparison.Ordinal);
        Assert.Equal("required", Assert.Single(events.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public async Task The_right_code_verifies_the_call_and_only_that_call()
    {
        Assert.Equal(Answer(Verified), await Client.VerifyAsync("call-1", " 43-21 "));

        Assert.Equal(Answer("moved"), await Client.CallAsync("transfer", "call-1"));
        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-2"));
        Assert.Equal(Answer("The caller is already verified on this call."), await Client.VerifyAsync("call-1", "4321"));
        Assert.Equal(["transfer"], Agent.Ran);
        var lookup = Assert.Single(Agent.Lookups);
        Assert.Equal(new CallerIdentity("call-1", "+14155550123", "Alice"), lookup);
        Assert.Contains("caller_verified agent=bank call_id=call-1 caller=+14155550123 method=secret", Assert.Single(Audit(2020)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_of_the_same_length_is_refused_and_the_code_is_never_logged()
    {
        Assert.Equal(Answer(WrongCode), await Client.VerifyAsync("call-1", "4322"));
        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-1"));

        Assert.Empty(Agent.Ran);
        Assert.Contains("reason=wrong_code", Assert.Single(Audit(2021)).Message, StringComparison.Ordinal);
        var logs = Server.AllLogText();
        // Not as a number of its own: durations and times are digits too.
        Assert.DoesNotMatch(@"(?<!\d)4322(?!\d)", logs);
        Assert.DoesNotMatch($@"(?<!\d){VerifiedAgent.Pin}(?!\d)", logs);
    }

    [Fact]
    public async Task An_unknown_caller_cannot_verify_with_any_code()
    {
        Assert.Equal(Answer(WrongCode), await Client.VerifyAsync("call-1", "4321", caller: "+14155550999"));
        Assert.Equal(Answer("Ask the caller for their PIN or passphrase, then call verify_caller with it as code."), await Client.VerifyAsync("call-2", "  "));
        Assert.Equal(Answer("The arguments for verify_caller are invalid: code is not in the expected format. Ask the caller for the correct value and try again."), await Client.VerifyAsync("call-3", "1234; DROP TABLE"));
        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-1", caller: "+14155550999"));
        Assert.Single(Agent.Lookups);
    }

    [Fact]
    public async Task Three_wrong_codes_lock_the_call_even_for_the_right_code()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Answer(WrongCode), await Client.VerifyAsync("call-1", "0000"));
        }

        Assert.Equal(Answer(Locked), await Client.VerifyAsync("call-1", VerifiedAgent.Pin));
        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-1"));
        Assert.Contains("scope=call", Assert.Single(Audit(2022)).Message, StringComparison.Ordinal);

        // Another call from the same number still has its own attempts (the number's budget is 5).
        Assert.Equal(Answer(Verified), await Client.VerifyAsync("call-2", VerifiedAgent.Pin));
    }

    [Fact]
    public async Task Five_wrong_codes_across_calls_lock_the_caller_number_on_every_new_call()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Answer(WrongCode), await Client.VerifyAsync($"call-{i}", "0000"));
        }

        Assert.Equal(Answer(Locked), await Client.VerifyAsync("call-new", VerifiedAgent.Pin));
        Assert.Contains("scope=caller", Assert.Single(Audit(2022)).Message, StringComparison.Ordinal);
        Assert.Equal(5, Agent.Lookups.Count);
    }

    [Fact]
    public async Task Verify_caller_needs_the_calls_token()
    {
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call(CallerVerification.ToolName, new() { ["code"] = VerifiedAgent.Pin }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":"Forbidden"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Lookups);
    }

    [Fact]
    public async Task The_verify_caller_tool_is_rendered_secure_with_a_required_code()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var tool = swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "verify_caller")!;

        Assert.Equal(
            """{"type":"object","properties":{"code":{"type":"string","description":"The PIN or passphrase the caller said.","pattern":"^[A-Za-z0-9 '.-]{1,128}$"}},"required":["code"]}""",
            tool["parameters"]!.ToWireJson());
        Assert.Contains("__token=", tool["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_end_of_call_summary_ends_the_verification()
    {
        Assert.Equal(Answer(Verified), await Client.VerifyAsync("call-1", VerifiedAgent.Pin));
        var swml = await Client.FetchSwmlAsync("call-1");
        var postPrompt = swml.Ai()["post_prompt_url"]!.GetValue<string>();
        using var summary = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(postPrompt), new JsonObject { ["call_id"] = "call-1", ["post_prompt_data"] = new JsonObject { ["raw"] = "done" } });
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);

        Assert.Equal(Answer(VerifyFirst), await Client.CallAsync("transfer", "call-1"));
    }
}

/// <summary>Configuration mistakes and store failures: refused at start-up, or failing closed.</summary>
public sealed class CallerVerificationSetupTests
{
    [Fact]
    public async Task A_tool_that_needs_verification_without_a_verifier_stops_start_up()
    {
        var agent = new AgentBase(AgentTestServer.Options("careless"));
        agent.DefineTool("transfer", "Move money", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("moved")), new ToolOptions { RequiresVerifiedCaller = true });

        var error = await Assert.ThrowsAsync<AgentConfigurationException>(() => AgentTestServer.StartAsync(agent));

        Assert.Equal("Tool 'transfer' requires a verified caller, but caller verification is not on: call UseCallerVerification on agent 'careless'.", error.Message);
    }

    [Theory]
    [InlineData(0, 5, "CallerVerificationOptions.MaxAttemptsPerCall must be at least 1 (got 0).")]
    [InlineData(3, 3, "CallerVerificationOptions.CodeLength must be 4 to 10 digits (got 3).")]
    public void Options_out_of_range_are_refused_by_name(int attempts, int length, string message)
    {
        var agent = new AgentBase(AgentTestServer.Options());

        var error = Assert.Throws<ArgumentException>(() => agent.UseCallerVerification(CallerVerifier.Secret((_, _) => ValueTask.FromResult<string?>("1")), o =>
        {
            o.MaxAttemptsPerCall = attempts;
            o.CodeLength = length;
        }));

        Assert.Equal(message, error.Message);
        Assert.Null(agent.CallerVerification);
    }

    [Fact]
    public async Task Required_by_default_covers_every_tool_that_does_not_opt_out()
    {
        var agent = new VerifiedAgent(configure: o => o.RequiredByDefault = true);
        agent.DefineTool("public_info", "Public", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("open")), new ToolOptions { RequiresVerifiedCaller = false });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        Assert.Equal(Answer(VerifyFirstText), await client.CallAsync("balance_hours", "call-1"));
        Assert.Equal(Answer("open"), await client.CallAsync("public_info", "call-1"));
        Assert.Empty(agent.Ran);
    }

    [Fact]
    public async Task When_the_store_cannot_answer_protected_tools_fail_closed()
    {
        var agent = new VerifiedAgent();
        await using var server = await AgentTestServer.StartAsync(agent, builder => builder.Services.AddSingleton<ICallStateStore>(new UnavailableStore()));
        using var client = server.CreateClient();

        var unavailable = Answer("Caller verification is unavailable right now, so this action cannot be done. Offer other help or ask the caller to try again later.");
        Assert.Equal(unavailable, await client.VerifyAsync("call-1", VerifiedAgent.Pin));
        Assert.Equal(unavailable, await client.CallAsync("transfer", "call-1"));
        Assert.Empty(agent.Ran);
        Assert.Contains("reason=store_unavailable", server.Logs.GetSnapshot().Single(r => r.Id.Id == 2024).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_that_throws_is_logged_once_and_answered_safely()
    {
        var agent = new VerifiedAgent(CallerVerifier.Secret((_, _) => throw new InvalidOperationException("db password is hunter2")));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var text = await client.VerifyAsync("call-1", "1234");

        Assert.Equal(Answer("Caller verification is unavailable right now, so this action cannot be done. Offer other help or ask the caller to try again later."), text);
        Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Id == 1023 && r.Exception is InvalidOperationException);
        Assert.DoesNotMatch(@"(?<!\d)1234(?!\d)", server.AllLogText());
    }

    private const string VerifyFirstText = AgentPipeline.VerifyFirstResponse;

    private sealed class UnavailableStore : ICallStateStore
    {
        public ValueTask<bool> SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

        public ValueTask<CallStateRead> GetAsync(string key, CancellationToken cancellationToken = default) => ValueTask.FromResult(CallStateRead.Unavailable);

        public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
    }
}
