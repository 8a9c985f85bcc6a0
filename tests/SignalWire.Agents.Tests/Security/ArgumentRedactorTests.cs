using System.Text.Json.Nodes;
using SignalWire.Agents.Security;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Security;

public sealed class ArgumentRedactorTests
{
    [Fact]
    public void Default_sensitive_keys_are_masked_at_any_depth_and_case()
    {
        var args = JsonNode.Parse("""
            {"amount":5,"PIN":"1234","card":{"Card-Number":"4111111111111111","cvv":"123","holder":"Al"},
             "items":[{"account_number":"9","note":"ok"}],"apiKey":"k","user_password":"p","ssn":"1","spin":"x"}
            """);
        var redacted = new ArgumentRedactor().Redact(args)!.ToWireJson();
        Assert.Equal(
            """{"amount":5,"PIN":"[REDACTED]","card":{"Card-Number":"[REDACTED]","cvv":"[REDACTED]","holder":"Al"},"items":[{"account_number":"[REDACTED]","note":"ok"}],"apiKey":"[REDACTED]","user_password":"[REDACTED]","ssn":"[REDACTED]","spin":"x"}""",
            redacted);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("passwd")]
    [InlineData("passcode")]
    [InlineData("passphrase")]
    [InlineData("secret")]
    [InlineData("token")]
    [InlineData("apikey")]
    [InlineData("authorization")]
    [InlineData("creditcard")]
    [InlineData("cardnumber")]
    [InlineData("securitycode")]
    [InlineData("accountnumber")]
    [InlineData("routingnumber")]
    [InlineData("iban")]
    [InlineData("socialsecuritynumber")]
    [InlineData("taxid")]
    [InlineData("privatekey")]
    public void Every_default_suffix_is_sensitive_at_the_end_of_a_key_and_not_before_other_letters(string suffix)
    {
        var redactor = new ArgumentRedactor();
        Assert.True(redactor.IsSensitive(suffix));
        Assert.True(redactor.IsSensitive("Customer_" + suffix.ToUpperInvariant()));
        Assert.True(redactor.IsSensitive("new-" + suffix));
        Assert.False(redactor.IsSensitive(suffix + "s_hint"));
        Assert.False(redactor.IsSensitive(suffix[..^1]));
        Assert.False(redactor.IsSensitive(suffix + "1"));
    }

    [Fact]
    public void Agent_and_tool_keys_add_to_the_defaults()
    {
        var redactor = new ArgumentRedactor(["mothers_maiden_name"]);
        var tool = new HashSet<string>(["to_account"], StringComparer.OrdinalIgnoreCase);
        var redacted = redactor.Redact(JsonNode.Parse("""{"MothersMaidenName":"x","to_account":"1234567890","amount":1}"""), tool)!.ToWireJson();
        Assert.Equal("""{"MothersMaidenName":"[REDACTED]","to_account":"[REDACTED]","amount":1}""", redacted);
    }

    [Fact]
    public void The_original_is_not_modified()
    {
        var args = JsonNode.Parse("""{"password":"p"}""")!;
        _ = new ArgumentRedactor().Redact(args);
        Assert.Equal("p", args["password"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"amount":5,"PIN":"1234","card":{"Card-Number":"4111111111111111","cvv":"123","holder":"Al"},"items":[{"account_number":"9","note":"ok"},null,3],"apiKey":"k","spin":"x"}""")]
    [InlineData("""{"MothersMaidenName":"x","to_account":"1234567890","nested":[[{"secret_answer":"y"}]],"flag":true,"none":null}""")]
    [InlineData("""{}""")]
    public void Writing_redacted_gives_exactly_the_redacted_copy(string json)
    {
        var redactor = new ArgumentRedactor(["mothers_maiden_name"]);
        var tool = new HashSet<string>(["to_account"], StringComparer.OrdinalIgnoreCase);
        var args = JsonNode.Parse(json)!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, SignalWire.Agents.Json.SwmlJson.WriterOptions))
        {
            redactor.WriteRedacted(writer, args, tool);
        }

        Assert.Equal(redactor.Redact(args, tool)!.ToWireJson(), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(json, args.ToWireJson());
    }
}
