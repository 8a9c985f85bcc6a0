using System.Net;
using PaymentsExample;

namespace Examples.Tests;

/// <summary>examples/Payments over real HTTP: the pay action, behind the call's token and the caller's confirmation.</summary>
public sealed class PaymentsTests
{
    [Fact]
    public async Task A_confirmed_payment_with_the_calls_token_starts_the_pay_verb_for_the_invoice_amount()
    {
        await using var server = await AgentTestServer.StartAsync(new BillingAgent(AgentTestServer.Options("billing"), "https://payments.example.com/signalwire"));
        using var client = server.CreateClient();
        var url = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("pay_invoice"));

        using var unconfirmed = await client.PostJsonAsync(url, SwaigRequests.Call("pay_invoice", new() { ["invoice"] = "INV-1002" }));
        using var paid = await client.PostJsonAsync(url, SwaigRequests.Call("pay_invoice", new() { ["invoice"] = "INV-1002", ["confirmed"] = true }));

        Assert.Equal("""{"response":"You're about to take a card payment for an invoice. Please say 'confirm' to proceed."}""", await unconfirmed.ReadTextAsync());
        Assert.Equal(
            """{"response":"Taking the payment of $125.50 for INV-1002.","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"The payment status is ${pay_result}, do not mention anything else about collecting payment if successful."}},{"pay":{"payment_connector_url":"https://payments.example.com/signalwire","input":"dtmf","payment_method":"credit-card","timeout":5,"max_attempts":2,"security_code":true,"min_postal_code_length":0,"token_type":"reusable","currency":"usd","language":"en-US","voice":"woman","valid_card_types":"visa mastercard amex","postal_code":true,"charge_amount":"125.50"}}]}}}]}""",
            await paid.ReadTextAsync());
    }

    [Fact]
    public async Task Without_the_calls_token_no_payment_starts()
    {
        await using var server = await AgentTestServer.StartAsync(new BillingAgent(AgentTestServer.Options("billing")));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("pay_invoice", new() { ["invoice"] = "INV-1002", ["confirmed"] = true }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":"Forbidden"}""", await response.ReadTextAsync());
    }

    [Fact]
    public async Task An_invoice_number_that_breaks_the_pattern_never_reaches_the_handler()
    {
        await using var server = await AgentTestServer.StartAsync(new BillingAgent(AgentTestServer.Options("billing")));
        using var client = server.CreateClient();
        var url = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-2")).FunctionUrl("pay_invoice"));

        using var response = await client.PostJsonAsync(url, SwaigRequests.Call("pay_invoice", new() { ["invoice"] = "1002; DROP", ["confirmed"] = true }, callId: "call-2"));

        Assert.StartsWith("""{"response":"The arguments for pay_invoice are invalid: invoice""", await response.ReadTextAsync(), StringComparison.Ordinal);
    }
}
