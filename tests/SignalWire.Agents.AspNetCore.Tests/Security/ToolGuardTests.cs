using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Validation, per-caller limits, emergency mode and confirmation: refused before the handler, audited and counted.</summary>
public sealed class ToolGuardTests : ServedAgentTest<TestAgent>
{
    public ToolGuardTests()
        : base(new TestAgent())
    {
    }

    private MetricCollector<long> Counter(string name) =>
        new(Server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, name);

    private List<Microsoft.Extensions.Logging.Testing.FakeLogRecord> Audit(int eventId) =>
        Server.Logs.GetSnapshot().Where(r => r.Category == AuditEvents.Category && r.Id.Id == eventId).ToList();

    [Theory]
    [InlineData("""{"name":"Al"}""", "guests is required")]
    [InlineData("""{"guests":0,"name":"Al"}""", "guests must be at least 1")]
    [InlineData("""{"guests":11,"name":"Al"}""", "guests must be at most 10")]
    [InlineData("""{"guests":"two","name":"Al"}""", "guests must be a whole number")]
    [InlineData("""{"guests":2,"name":"A"}""", "name must be at least 2 characters long")]
    [InlineData("""{"guests":2,"name":"Al","vip":true}""", "vip is not an allowed argument")]
    public async Task Invalid_arguments_never_reach_the_handler(string args, string problem)
    {
        using var failures = Counter("signalwire.agents.validation.failures");
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", JsonNode.Parse(args)!.AsObject(), callId: "call-v"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""{"response":"The arguments for book are invalid: {{problem}}. Ask the caller for the correct value and try again."}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        var audit = Assert.Single(Audit(2016));
        Assert.Contains("function=book", audit.Message, StringComparison.Ordinal);
        Assert.Contains(problem, audit.Message, StringComparison.Ordinal);
        Assert.Equal(1, failures.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Valid_arguments_run_the_handler_and_are_audited_with_redaction()
    {
        using var calls = Counter("signalwire.agents.function.calls");
        using var requests = Counter("signalwire.agents.requests");
        using var duration = new MetricCollector<double>(Server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "signalwire.agents.function.duration");
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Al", ["card"] = new JsonObject { ["card_number"] = "4111111111111111", ["holder"] = "Al" } }));

        Assert.Equal("""{"response":"booked"}""", await response.ReadTextAsync());
        Assert.Single(Agent.Calls);
        var audit = Assert.Single(Audit(2002));
        Assert.Contains("""args={"guests":2,"name":"Al","card":{"card_number":"[REDACTED]","holder":"Al"}}""", audit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", Server.AllLogText(), StringComparison.Ordinal);
        var measurement = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("book", measurement.Tags["function"]);
        Assert.Equal("success", measurement.Tags["outcome"]);
        Assert.Equal("swaig", Assert.Single(requests.GetMeasurementSnapshot()).Tags["endpoint"]);
        Assert.InRange(Assert.Single(duration.GetMeasurementSnapshot()).Value, 0, 5);
    }

    [Fact]
    public async Task A_caller_over_a_tool_limit_is_told_to_wait_while_other_callers_carry_on()
    {
        using var limited = Counter("signalwire.agents.rate_limited");
        var args = new JsonObject { ["guests"] = 2, ["name"] = "Al" };
        for (var i = 0; i < 2; i++)
        {
            using var ok = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", args, callerNumber: "+15550001111"));
            Assert.Equal("""{"response":"booked"}""", await ok.ReadTextAsync());
        }

        using var third = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", args, callerNumber: "+15550001111"));
        using var other = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", args, callerNumber: "+15550002222"));
        using var noCallerSameCall = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("book", args, callId: "call-x", callerNumber: null));

        Assert.Equal("""{"response":"You've made too many requests. Please wait a moment."}""", await third.ReadTextAsync());
        Assert.Equal("""{"response":"booked"}""", await other.ReadTextAsync());
        Assert.Equal("""{"response":"booked"}""", await noCallerSameCall.ReadTextAsync());
        Assert.Equal(4, Agent.Calls.Count);
        Assert.Single(Audit(2015));
        Assert.Equal(1, limited.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Emergency_mode_blocks_secure_and_sensitive_tools_only()
    {
        using var blocks = Counter("signalwire.agents.emergency.blocks");
        var swml = await Client.FetchSwmlAsync("call-1");
        Agent.EmergencyMode = true;

        using var secure = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action")), SwaigRequests.Call("secret_action"));
        using var sensitive = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("wire_money", new() { ["amount"] = 5, ["iban"] = "DE89", ["confirmed"] = true }));
        using var regular = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = "still here" }));

        Assert.Equal("""{"response":"This service is temporarily unavailable."}""", await secure.ReadTextAsync());
        Assert.Equal("""{"response":"This service is temporarily unavailable."}""", await sensitive.ReadTextAsync());
        Assert.Equal("""{"response":"echo: still here","action":[{"say":"hi"}]}""", await regular.ReadTextAsync());
        Assert.Equal(["echo"], Agent.Calls.Select(c => c.Function));
        Assert.Equal(2, Audit(2017).Count);
        Assert.Equal(2, blocks.GetMeasurementSnapshot().EvaluateAsCounter());

        Agent.EmergencyMode = false;
        using var again = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action")), SwaigRequests.Call("secret_action"));
        Assert.Equal("""{"response":"done"}""", await again.ReadTextAsync());
    }

    [Fact]
    public async Task Flipping_emergency_mode_while_requests_are_in_flight_is_safe()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var path = HttpTestExtensions.PathAndQuery(swml.FunctionUrl("secret_action"));
        using var stop = new CancellationTokenSource();
        var flipper = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Agent.EmergencyMode = !Agent.EmergencyMode;
                await Task.Yield();
            }
        }, TestContext.Current.CancellationToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await Client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
            return (response.StatusCode, await response.ReadTextAsync());
        }));
        await stop.CancelAsync();
        await flipper;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Contains(r.Item2, new[] { """{"response":"done"}""", """{"response":"This service is temporarily unavailable."}""" }));
        Assert.Equal(responses.Count(r => r.Item2.Contains("done", StringComparison.Ordinal)), Agent.Calls.Count);
    }

    [Fact]
    public async Task Emergency_mode_can_start_from_the_environment_setting()
    {
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.EmergencyMode = true));
        Assert.True(agent.EmergencyMode);
        agent.EmergencyMode = false;
        Assert.False(agent.EmergencyMode);
        Assert.True(AgentSettings.Resolve(new AgentOptions(), n => n == "AGENT_EMERGENCY_MODE" ? "true" : null).EmergencyMode);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_tool_requiring_confirmation_does_not_run_until_confirmed()
    {
        using var unconfirmed = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("wire_money", new() { ["amount"] = 75, ["iban"] = "DE89370400440532013000" }, callId: "call-c"));
        Assert.Equal("""{"response":"You're about to wire 75 dollars. Please say 'confirm' to proceed."}""", await unconfirmed.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        Assert.Contains("function=wire_money", Assert.Single(Audit(2018)).Message, StringComparison.Ordinal);

        using var confirmed = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("wire_money", new() { ["amount"] = 75, ["iban"] = "DE89370400440532013000", ["confirmed"] = true }, callId: "call-c"));
        Assert.Equal("""{"response":"wired"}""", await confirmed.ReadTextAsync());
        Assert.Single(Agent.Calls);
        Assert.DoesNotContain("DE89370400440532013000", Server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_parameter_and_protocol_are_in_the_document()
    {
        var ai = (await Client.FetchSwmlAsync("call-1")).Ai();
        var wire = ai["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "wire_money")!;
        Assert.Equal("boolean", wire["parameters"]!["properties"]!["confirmed"]!["type"]!.GetValue<string>());
        Assert.Contains("confirmed", wire["parameters"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(ai["prompt"]!["pom"]!.AsArray(), s => s!["title"]!.GetValue<string>() == "Confirmation Protocol");
    }
}
