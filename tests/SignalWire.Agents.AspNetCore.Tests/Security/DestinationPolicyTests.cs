using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Destinations;
using SignalWire.Agents.Metrics;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>The destination policy over real HTTP: a handler's dial-outs are checked before the result leaves.</summary>
public sealed class DestinationPolicyTests : IAsyncLifetime
{
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = AgentTestServer.Options("desk");
        options.Destinations = new DestinationPolicy { AllowedCountries = ["US"], AllowedSipDomains = ["pbx.example.com"], MaxTransfersPerCall = 2, MaxMessagesPerCall = 1 };
        var agent = new AgentBase(options);
        agent.DefineTool("transfer_to", "Transfer the caller", new JsonObject { ["number"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Transferring.").Connect(args["number"]!.GetValue<string>(), final: false).UpdateGlobalData(new JsonObject { ["transferred"] = true })));
        agent.DefineTool("text_to", "Text a number", new JsonObject { ["number"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult().SetToolResponse("sent", "Say it was sent.").SendSms(args["number"]!.GetValue<string>(), "+14155550199", "hello")));
        agent.DefineTool("refer_to", "Refer over SIP", new JsonObject { ["uri"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Referring.").SipRefer(args["uri"]!.GetValue<string>())));
        _server = await AgentTestServer.StartAsync(agent);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> CallAsync(string function, string key, string value, string callId = "call-1")
    {
        using var response = await _client.PostJsonAsync("/swaig", SwaigRequests.Call(function, new JsonObject { [key] = value }, callId: callId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadTextAsync();
    }

    [Fact]
    public async Task An_allowed_number_keeps_its_action()
    {
        Assert.Equal(
            """{"response":"Transferring.","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"+14155550100"}}]},"version":"1.0.0"},"transfer":"false"},{"set_global_data":{"transferred":true}}]}""",
            await CallAsync("transfer_to", "number", "+14155550100"));
    }

    [Fact]
    public async Task A_premium_number_is_removed_the_ai_is_told_and_the_event_is_audited_and_counted()
    {
        using var blocked = new MetricCollector<long>(_server.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "signalwire.agents.destination.blocked");

        var text = await CallAsync("transfer_to", "number", "+1 900 555 0100");

        Assert.Equal(
            """{"response":"Transferring. Not done: the transfer to +1 900 555 0100, because that destination is not allowed (premium rate). Tell the caller it cannot be done and offer other help.","action":[{"set_global_data":{"transferred":true}}]}""",
            text);
        var audit = Assert.Single(_server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Id.Id == 2025);
        Assert.Contains("destination_blocked agent=desk function=transfer_to call_id=call-1 action=connect destination=+1 900 555 0100 reason=premium_rate", audit.Message, StringComparison.Ordinal);
        Assert.Equal("premium_rate", Assert.Single(blocked.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Theory]
    [InlineData("+18765550100", "country not allowed")]
    [InlineData("+442079460000", "country not allowed")]
    [InlineData("4155550100", "not e164")]
    public async Task Numbers_outside_the_allowed_countries_are_removed(string number, string reason)
    {
        var text = await CallAsync("transfer_to", "number", number);

        Assert.Equal(
            $$$"""{"response":"Transferring. Not done: the transfer to {{{number}}}, because that destination is not allowed ({{{reason}}}). Tell the caller it cannot be done and offer other help.","action":[{"set_global_data":{"transferred":true}}]}""",
            text);
    }

    [Fact]
    public async Task Sip_refers_outside_the_allowed_domains_are_removed()
    {
        Assert.Equal("""{"response":"Referring.","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"sip_refer":{"to_uri":"sip:desk@pbx.example.com"}}]}}}]}""",
            await CallAsync("refer_to", "uri", "sip:desk@pbx.example.com"));
        Assert.Equal("""{"response":"Referring. Not done: the transfer to sip:desk@evil.example.net, because that destination is not allowed (sip domain not allowed). Tell the caller it cannot be done and offer other help."}""",
            await CallAsync("refer_to", "uri", "sip:desk@evil.example.net"));
    }

    [Fact]
    public async Task Transfers_and_messages_per_call_are_capped()
    {
        await CallAsync("transfer_to", "number", "+14155550100");
        await CallAsync("transfer_to", "number", "+14155550101");
        var third = await CallAsync("transfer_to", "number", "+14155550102");
        var otherCall = await CallAsync("transfer_to", "number", "+14155550102", callId: "call-2");

        Assert.Equal("""{"response":"Transferring. Not done: the transfer, because this call has reached its limit of transfers. Tell the caller it cannot be done and offer other help.","action":[{"set_global_data":{"transferred":true}}]}""", third);
        Assert.Contains("+14155550102", otherCall, StringComparison.Ordinal);

        Assert.Equal("""{"response":{"tool_result":"sent","tool_prompt":"Say it was sent."},"action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"send_sms":{"to_number":"+14155550100","from_number":"+14155550199","body":"hello"}}]}}}]}""",
            await CallAsync("text_to", "number", "+14155550100"));
        Assert.Equal("""{"response":{"tool_result":"sent","tool_prompt":"Say it was sent. Not done: the text message, because this call has reached its limit of messages. Tell the caller it cannot be done and offer other help."}}""",
            await CallAsync("text_to", "number", "+14155550100"));
    }
}
