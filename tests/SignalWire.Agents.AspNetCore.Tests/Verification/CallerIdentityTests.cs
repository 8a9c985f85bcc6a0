using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using static SignalWire.Agents.AspNetCore.Tests.Verification.VerificationRequests;

namespace SignalWire.Agents.AspNetCore.Tests.Verification;

/// <summary>
/// Caller verification keys on the caller as one identity, over real HTTP: spellings of one number share its budget,
/// callers without a number share one of their own, and every caller together has a ceiling.
/// </summary>
public sealed class CallerIdentityTests
{
    private const string WrongCode = "That code is not correct. Ask the caller to check it and try again.";
    private const string Locked = "Too many incorrect codes. Verification is locked for this caller for now; offer other help.";
    private const string Verified = "The caller is verified. Go on with what they asked for.";

    private static readonly string[] Spellings =
    [
        "+14155550123", "14155550123", "+1 415 555 0123", "tel:+14155550123", "+1-415-555-0123", "+1(415)555-0123", "1-415-555-0123",
    ];

    private static List<string> Audit(AgentTestServer server, int eventId) =>
        [.. server.Logs.GetSnapshot().Where(r => r.Category == AuditEvents.Category && r.Id.Id == eventId).Select(r => r.Message)];

    [Fact]
    public async Task Seven_spellings_of_one_number_share_its_five_wrong_codes()
    {
        var agent = new VerifiedAgent();
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < Spellings.Length; i++)
        {
            answers.Add(await client.VerifyAsync($"spelling-{i}", "0000", caller: Spellings[i]));
        }

        Assert.Equal([.. Enumerable.Repeat(Answer(WrongCode), 5), Answer(Locked), Answer(Locked)], answers);
        Assert.All(Audit(server, 2022), message => Assert.Contains("caller=+14155550123 scope=caller", message, StringComparison.Ordinal));
        // The application's lookup sees the number in one form, whatever the spelling.
        Assert.All(agent.Lookups, identity => Assert.Equal("+14155550123", identity.CallerNumber));
    }

    [Fact]
    public async Task The_right_pin_verifies_from_any_spelling_of_the_number()
    {
        await using var server = await AgentTestServer.StartAsync(new VerifiedAgent());
        using var client = server.CreateClient();

        Assert.Equal(Answer(Verified), await client.VerifyAsync("call-tel", VerifiedAgent.Pin, caller: "tel:+1-415-555-0123"));
        Assert.Equal(Answer(Verified), await client.VerifyAsync("call-bare", VerifiedAgent.Pin, caller: "14155550123"));
    }

    [Fact]
    public async Task Callers_without_a_number_share_one_budget_of_wrong_codes()
    {
        await using var server = await AgentTestServer.StartAsync(new VerifiedAgent(configure: o => o.MaxFailuresWithoutCallerNumber = 4));
        using var client = server.CreateClient();
        string[] withheld = ["", "anonymous", "Restricted", "not a number", "sip:x@a@b"];

        var answers = new List<string>();
        for (var i = 0; i < withheld.Length; i++)
        {
            answers.Add(await client.VerifyAsync($"withheld-{i}", "0000", caller: withheld[i]));
        }

        Assert.Equal([.. Enumerable.Repeat(Answer(WrongCode), 4), Answer(Locked)], answers);
        Assert.Contains("scope=no_caller_number", Assert.Single(Audit(server, 2022)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spoofing_a_new_number_per_guess_hits_the_agent_ceiling()
    {
        await using var server = await AgentTestServer.StartAsync(new VerifiedAgent(configure: o => o.MaxFailuresPerAgent = 6));
        using var client = server.CreateClient();
        using var limited = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "signalwire.agents.rate_limited");

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await client.VerifyAsync($"spoof-{i}", "0000", caller: $"+1415555{i:D4}"));
        }

        // Past the ceiling even the genuine caller with the right PIN waits out the window.
        var genuine = await client.VerifyAsync("genuine", VerifiedAgent.Pin);

        Assert.Equal(Enumerable.Repeat(Answer(WrongCode), 6), answers);
        Assert.Equal(Answer(Locked), genuine);
        Assert.Contains("call_id=genuine caller=+14155550123 scope=agent", Assert.Single(Audit(server, 2022)), StringComparison.Ordinal);
        Assert.Equal("verification_agent", Assert.Single(limited.GetMeasurementSnapshot()).Tags["scope"]);
    }
}
