using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Results;

public sealed class FunctionResultPaymentTests
{
    [Fact]
    public void Pay_with_defaults_sends_schema_typed_numbers_and_booleans()
    {
        var result = new FunctionResult().Pay("https://pay.example.com/connector");
        Assert.Equal(
            """{"action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"The payment status is ${pay_result}, do not mention anything else about collecting payment if successful."}},{"pay":{"payment_connector_url":"https://pay.example.com/connector","input":"dtmf","payment_method":"credit-card","timeout":5,"max_attempts":1,"security_code":true,"min_postal_code_length":0,"token_type":"reusable","currency":"usd","language":"en-US","voice":"woman","valid_card_types":"visa mastercard amex","postal_code":true}}]}}}]}""",
            result.ToJson());
        SwmlSchema.AssertValid(result.Actions[0]["SWML"]!.ToWireJson());
    }

    [Fact]
    public void Pay_with_options_prompts_and_parameters()
    {
        var prompt = FunctionResult.CreatePaymentPrompt("payment-card-number", [FunctionResult.CreatePaymentAction("Say", "Enter your card number")], cardType: "visa", errorType: "invalid-card-number");
        var result = new FunctionResult("r").Pay("https://pay.example.com/c", new PaymentOptions
        {
            Timeout = 10,
            MaxAttempts = 3,
            SecurityCode = false,
            PostalCode = "false",
            ChargeAmount = "10.50",
            StatusUrl = "https://example.com/status",
            Description = "Order 42",
            Parameters = [FunctionResult.CreatePaymentParameter("order", "42")],
            Prompts = [prompt],
            AiResponse = "Payment: ${pay_result}",
        });
        var pay = result.Actions[0]["SWML"]!["sections"]!["main"]![1]!["pay"]!;
        Assert.Equal("dtmf", pay["input"]!.GetValue<string>());
        Assert.Equal(10, pay["timeout"]!.GetValue<int>());
        Assert.Equal(3, pay["max_attempts"]!.GetValue<int>());
        Assert.False(pay["security_code"]!.GetValue<bool>());
        Assert.False(pay["postal_code"]!.GetValue<bool>());
        Assert.Equal("10.50", pay["charge_amount"]!.GetValue<string>());
        Assert.Equal("""[{"name":"order","value":"42"}]""", pay["parameters"]!.ToWireJson());
        Assert.Equal("""[{"for":"payment-card-number","actions":[{"type":"Say","phrase":"Enter your card number"}],"card_type":"visa","error_type":"invalid-card-number"}]""", pay["prompts"]!.ToWireJson());
        Assert.Equal("Payment: ${pay_result}", result.Actions[0]["SWML"]!["sections"]!["main"]![0]!["set"]!["ai_response"]!.GetValue<string>());
        SwmlSchema.AssertValid(result.Actions[0]["SWML"]!.ToWireJson());
    }

    [Fact]
    public void Join_conference_with_defaults_sends_only_the_name_as_an_object()
    {
        var result = new FunctionResult("r").JoinConference("sales-room");
        Assert.Equal("""{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"join_conference":{"name":"sales-room"}}]}}}]}""", result.ToJson());
        SwmlSchema.AssertValid(result.Actions[0]["SWML"]!.ToWireJson());
    }

    [Fact]
    public void Join_conference_sends_only_the_options_that_differ()
    {
        var result = new FunctionResult("r").JoinConference("sales-room", new ConferenceOptions { Muted = true, Beep = "onEnter", MaxParticipants = 10, Record = "record-from-start", StatusCallback = "https://example.com/cb" });
        Assert.Equal(
            """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"join_conference":{"name":"sales-room","muted":true,"beep":"onEnter","max_participants":10,"record":"record-from-start","status_callback":"https://example.com/cb"}}]}}}]}""",
            result.ToJson());
        SwmlSchema.AssertValid(result.Actions[0]["SWML"]!.ToWireJson());
    }

    [Fact]
    public void Pay_refuses_what_the_schema_does_not_allow()
    {
        Assert.Throws<ArgumentException>(() => new FunctionResult().Pay("https://p", new PaymentOptions { InputMethod = "voice" }));
        Assert.Throws<ArgumentException>(() => new FunctionResult().Pay("https://p", new PaymentOptions { TokenType = "forever" }));
    }

    [Fact]
    public void Join_conference_refuses_invalid_options()
    {
        Assert.Throws<ArgumentException>(() => new FunctionResult().JoinConference(" "));
        Assert.Throws<ArgumentException>(() => new FunctionResult().JoinConference("r", new ConferenceOptions { Beep = "loud" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunctionResult().JoinConference("r", new ConferenceOptions { MaxParticipants = 251 }));
        Assert.Throws<ArgumentException>(() => new FunctionResult().JoinConference("r", new ConferenceOptions { StatusCallbackMethod = "PUT" }));
    }
}
