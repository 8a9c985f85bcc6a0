using System.Net;
using System.Text.Json.Nodes;
using SecureAgentExample;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>The example bank agent, served over real HTTP.</summary>
public sealed class SecureAgentExampleTests : ServedAgentTest<SecureAgent>
{
    public SecureAgentExampleTests()
        : base(new SecureAgent(AgentTestServer.Options("secure-agent")))
    {
    }

    [Fact]
    public async Task The_document_lists_get_balance_as_regular_and_transfer_funds_as_secure()
    {
        var swml = await Client.FetchSwmlAsync("call-1");
        var functions = swml.Ai()["SWAIG"]!["functions"]!.AsArray();

        Assert.Equal(["get_balance", "transfer_funds"], functions.Select(f => f!["function"]!.GetValue<string>()));
        Assert.Null(functions[0]!["web_hook_url"]);
        Assert.Contains("/swaig/?__token=", functions[1]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            """{"type":"object","properties":{"amount":{"type":"number","description":"Amount to transfer in US dollars"},"to_account":{"type":"string","description":"The 10-character account number to transfer to"}},"required":["amount","to_account"]}""",
            functions[1]!["parameters"]!.ToWireJson());
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
        using var response = await Client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_funds", new() { ["amount"] = 50, ["to_account"] = "1234567890" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"amount":250.5,"to_account":"1234567890"}""", """{"response":"Transferred $250.50 to the account ending in 7890.","action":[{"set_global_data":{"last_transfer_amount":"250.5"}}]}""")]
    [InlineData("""{"amount":0,"to_account":"1234567890"}""", """{"response":"amount must be greater than 0."}""")]
    [InlineData("""{"amount":-5,"to_account":"1234567890"}""", """{"response":"amount must be greater than 0."}""")]
    [InlineData("""{"amount":10000.01,"to_account":"1234567890"}""", """{"response":"Transfers over $10,000 require additional verification"}""")]
    [InlineData("""{"amount":10,"to_account":"12345"}""", """{"response":"to_account must be exactly 10 characters."}""")]
    [InlineData("""{"to_account":"1234567890"}""", """{"response":"The arguments for transfer_funds are invalid: 'amount' is required. Ask the caller for the correct value and try again."}""")]
    [InlineData("""{"amount":"lots","to_account":"1234567890"}""", """{"response":"The arguments for transfer_funds are invalid: 'amount' has the wrong type or format. Ask the caller for the correct value and try again."}""")]
    public async Task Transfer_funds_applies_the_input_rules(string args, string expected)
    {
        var url = HttpTestExtensions.PathAndQuery((await Client.FetchSwmlAsync("call-1")).FunctionUrl("transfer_funds"));
        using var response = await Client.PostJsonAsync(url, SwaigRequests.Call("transfer_funds", JsonNode.Parse(args)!.AsObject(), callId: "call-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.ReadTextAsync());
    }
}
