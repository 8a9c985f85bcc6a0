using System.Net;
using System.Text.Json.Nodes;
using SecureAgentExample;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>The example bank agent, served over real HTTP.</summary>
public sealed class SecureAgentExampleTests : ServedAgentTest<SecureAgent>
{
    public SecureAgentExampleTests()
        : base(new SecureAgent(AgentTestServer.Options("secure-agent"), demoPin: DemoPin))
    {
    }

    private const string DemoPin = "2468";

    /// <summary>Verifies the caller of <paramref name="callId"/> with the demo PIN, as the AI would after asking.</summary>
    private async Task VerifyAsync(string callId)
    {
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync(callId)).FunctionUrl("verify_caller"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("verify_caller", new() { ["code"] = DemoPin }, callId: callId));
        Assert.Equal("""{"response":"The caller is verified. Go on with what they asked for."}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task The_document_lists_get_balance_as_regular_and_transfer_funds_as_secure()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var functions = swml.Ai()["SWAIG"]!["functions"]!.AsArray();

        Assert.Equal(["get_balance", "verify_caller", "transfer_funds", "speak_to_banker"], functions.Select(f => f!["function"]!.GetValue<string>()));
        Assert.Null(functions[0]!["web_hook_url"]);
        Assert.Contains("/swaig/?__token=", functions[1]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/swaig/?__token=", functions[2]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            """{"type":"object","properties":{"amount":{"type":"number","description":"Amount to transfer in US dollars"},"to_account":{"type":"string","description":"The 10-character account number to transfer to"},"confirmed":{"type":"boolean","description":"Set to true only after the caller has explicitly confirmed this action in the conversation."}},"required":["amount","to_account","confirmed"]}""",
            functions[2]!["parameters"]!.ToWireJson());
    }

    [Fact]
    public async Task Transfer_funds_on_an_unverified_call_asks_for_verification_and_never_runs()
    {
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("transfer_funds"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("transfer_funds", new() { ["amount"] = 50, ["to_account"] = "1234567890", ["confirmed"] = true }, callId: "call-1"));

        Assert.Equal("""{"response":"This action needs the caller to be verified first. Ask the caller for their verification code and call verify_caller with it."}""", await response.ReadTextAsync());
        Assert.DoesNotContain(Server.Logs.GetSnapshot(), r => r.Id.Id == 2002 && r.Message.Contains("outcome=success", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_pin_does_not_verify()
    {
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("verify_caller"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("verify_caller", new() { ["code"] = "2469" }, callId: "call-1"));

        Assert.Equal("""{"response":"That code is not correct. Ask the caller to check it and try again."}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task Without_a_demo_pin_nobody_can_verify()
    {
        await using var server = await AgentTestServer.StartAsync(new SecureAgent(AgentTestServer.Options("secure-agent"), demoPin: ""));
        using var client = server.CreateClient();
        var url = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("verify_caller"));
        using var response = await client.PostJsonAsync(url, SwaigRequests.Call("verify_caller", new() { ["code"] = "0000" }, callId: "call-1"));

        Assert.Equal("""{"response":"That code is not correct. Ask the caller to check it and try again."}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task Speak_to_banker_connects_within_the_us_and_canada_policy()
    {
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("speak_to_banker", new() { ["department"] = "loans" }));

        Assert.Equal("""{"response":"Connecting you to a banker now.","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"+14155550140"}}]},"version":"1.0.0"},"transfer":"true"}]}""", await response.ReadTextAsync());
        Assert.Equal(["US", "CA"], Agent.Settings.Destinations.AllowedCountries);
    }

    [Fact]
    public async Task Get_balance_answers_without_a_token()
    {
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("get_balance", new() { ["account_type"] = "savings" }));
        Assert.Equal("""{"response":"The savings balance is $12,900.00."}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task Transfer_funds_needs_its_token()
    {
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_funds", new() { ["amount"] = 50, ["to_account"] = "1234567890", ["confirmed"] = true }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":"Forbidden"}""", await response.ReadTextAsync());
    }

    [Theory]
    [InlineData("""{"amount":250.5,"to_account":"1234567890","confirmed":true}""", """{"response":"Transferred $250.50 to the account ending in 7890.","action":[{"set_global_data":{"last_transfer_amount":"250.5"}}]}""")]
    [InlineData("""{"amount":250.5,"to_account":"1234567890"}""", """{"response":"You're about to transfer $250.5 to the account ending in 7890. Please say 'confirm' to proceed."}""")]
    [InlineData("""{"amount":250.5,"to_account":"1234567890","confirmed":false}""", """{"response":"You're about to transfer $250.5 to the account ending in 7890. Please say 'confirm' to proceed."}""")]
    [InlineData("""{"amount":0,"to_account":"1234567890","confirmed":true}""", """{"response":"The arguments for transfer_funds are invalid: amount must be greater than 0. Ask the caller for the correct value and try again."}""")]
    [InlineData("""{"amount":-5,"to_account":"1234567890","confirmed":true}""", """{"response":"The arguments for transfer_funds are invalid: amount must be greater than 0. Ask the caller for the correct value and try again."}""")]
    [InlineData("""{"amount":10000.01,"to_account":"1234567890","confirmed":true}""", """{"response":"Transfers over $10,000 require additional verification"}""")]
    [InlineData("""{"amount":10,"to_account":"12345","confirmed":true}""", """{"response":"The arguments for transfer_funds are invalid: to_account must be exactly 10 characters long. Ask the caller for the correct value and try again."}""")]
    [InlineData("""{"to_account":"1234567890","confirmed":true}""", """{"response":"The arguments for transfer_funds are invalid: amount is required. Ask the caller for the correct value and try again."}""")]
    [InlineData("""{"amount":"lots","to_account":"1234567890","confirmed":true}""", """{"response":"The arguments for transfer_funds are invalid: amount must be a number. Ask the caller for the correct value and try again."}""")]
    public async Task Transfer_funds_applies_the_input_rules_and_confirmation(string args, string expected)
    {
        await VerifyAsync("call-1");
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("transfer_funds"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("transfer_funds", JsonNode.Parse(args)!.AsObject(), callId: "call-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.ReadTextAsync());
    }

    [Fact]
    public async Task Get_balance_allows_ten_calls_per_minute_per_caller()
    {
        for (var i = 0; i < 10; i++)
        {
            using var ok = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("get_balance", new() { ["account_type"] = "checking" }, callerNumber: "+15550000001"));
            Assert.Contains("checking balance", await ok.ReadTextAsync(), StringComparison.Ordinal);
        }

        using var limited = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("get_balance", new() { ["account_type"] = "checking" }, callerNumber: "+15550000001"));
        using var otherCaller = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("get_balance", new() { ["account_type"] = "checking" }, callerNumber: "+15550000002"));

        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Equal("""{"response":"You've made too many requests. Please wait a moment."}""", await limited.ReadTextAsync());
        Assert.Contains("checking balance", await otherCaller.ReadTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prompt_carries_the_confirmation_protocol_and_security_boundaries()
    {
        var pom = (await Client.FetchSwmlAsync("call-1")).Ai()["prompt"]!["pom"]!.AsArray();
        var titles = pom.Select(s => s!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Security Boundaries", titles);
        Assert.Equal("Confirmation Protocol", titles[^1]);
    }

    [Fact]
    public async Task The_audit_log_records_the_transfer_without_the_account_number()
    {
        await VerifyAsync("call-1");
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("transfer_funds"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("transfer_funds", new() { ["amount"] = 20, ["to_account"] = "9876543210", ["confirmed"] = true }, callId: "call-1"));

        var audit = Server.Logs.GetSnapshot().Where(r => r.Category == AuditEvents.Category).ToList();
        var call = Assert.Single(audit, r => r.Id.Id == 2002 && r.Message.Contains("function=transfer_funds", StringComparison.Ordinal));
        Assert.Contains("function=transfer_funds", call.Message, StringComparison.Ordinal);
        Assert.Contains("outcome=success", call.Message, StringComparison.Ordinal);
        Assert.Contains("\"to_account\":\"[REDACTED]\"", call.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", Server.AllLogText(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPin, Server.AllLogText(), StringComparison.Ordinal);
        Assert.Contains(audit, r => r.Id.Id == 2001 && r.Message.Contains("call_id=call-1", StringComparison.Ordinal));
    }
}
