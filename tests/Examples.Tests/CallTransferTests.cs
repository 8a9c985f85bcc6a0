using CallTransferExample;

namespace Examples.Tests;

/// <summary>examples/CallTransfer over real HTTP: each transfer's exact result, and the destination policy around it.</summary>
public sealed class CallTransferTests
{
    [Theory]
    [InlineData("billing", """{"response":"Transferring you to billing.","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"The caller is back from billing."}},{"transfer":{"dest":"https://agents.example.com/billing"}}]}},"transfer":"true"}]}""")]
    [InlineData("manager", """{"response":"Connecting you to the manager.","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"+14155550142"}}]},"version":"1.0.0"},"transfer":"true"}]}""")]
    public async Task Each_transfer_answers_with_its_swml_action(string destination, string expected)
    {
        await using var server = await AgentTestServer.StartAsync(new FrontDesk(AgentTestServer.Options("front-desk")));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_call", new() { ["destination"] = destination }));

        Assert.Equal(expected, await response.ReadTextAsync());
    }

    [Fact]
    public async Task A_transfer_the_policy_does_not_admit_is_removed_and_the_ai_told_why()
    {
        // The same desk with a policy that admits no transfer host: the billing transfer must not leave the agent.
        var options = AgentTestServer.Options("front-desk");
        options.Destinations = new SignalWire.Agents.Destinations.DestinationPolicy { AllowedCountries = ["US"], AllowedTransferHosts = ["other.example.com"] };
        await using var server = await AgentTestServer.StartAsync(new FrontDesk(options));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_call", new() { ["destination"] = "billing" }));
        var body = await response.ReadTextAsync();

        Assert.Equal(
            """{"response":"Transferring you to billing. Not done: the transfer to https://agents.example.com/billing, because that destination is not allowed (transfer host not allowed). Tell the caller it cannot be done and offer other help."}""",
            body);
    }
}
