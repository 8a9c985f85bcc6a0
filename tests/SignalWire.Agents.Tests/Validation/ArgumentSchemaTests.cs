using System.Text.Json.Nodes;
using SignalWire.Agents.Validation;

namespace SignalWire.Agents.Tests.Validation;

public sealed class ArgumentSchemaTests
{
    private static readonly ArgumentSchema Transfer = ArgumentSchema.Compile(JsonNode.Parse("""
        {"type":"object","additionalProperties":false,"required":["amount","to_account"],
         "properties":{
           "amount":{"type":"number","exclusiveMinimum":0,"maximum":50000},
           "to_account":{"type":"string","minLength":10,"maxLength":10,"pattern":"^[0-9]+$"},
           "currency":{"type":"string","enum":["usd","eur"]},
           "count":{"type":"integer","minimum":1},
           "memo":{"type":["string","null"],"maxLength":5},
           "email":{"type":"string","format":"email"},
           "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":2,"uniqueItems":true},
           "address":{"type":"object","required":["zip"],"properties":{"zip":{"type":"string","minLength":5}}}}}
        """)!.AsObject());

    private static IReadOnlyList<string> Check(string json) => Transfer.Validate(JsonNode.Parse(json));

    [Fact]
    public void Valid_arguments_pass() =>
        Assert.Empty(Check("""{"amount":10.5,"to_account":"1234567890","currency":"usd","count":2,"memo":null,"email":"a@b.co","tags":["x"],"address":{"zip":"12345"}}"""));

    [Theory]
    [InlineData("""{"to_account":"1234567890"}""", "amount is required")]
    [InlineData("""{"amount":0,"to_account":"1234567890"}""", "amount must be greater than 0")]
    [InlineData("""{"amount":-3,"to_account":"1234567890"}""", "amount must be greater than 0")]
    [InlineData("""{"amount":60000,"to_account":"1234567890"}""", "amount must be at most 50000")]
    [InlineData("""{"amount":"ten","to_account":"1234567890"}""", "amount must be a number")]
    [InlineData("""{"amount":1,"to_account":"12345"}""", "to_account must be exactly 10 characters long")]
    [InlineData("""{"amount":1,"to_account":"12345abcde"}""", "to_account is not in the expected format")]
    [InlineData("""{"amount":1,"to_account":"1234567890","currency":"gbp"}""", "currency must be one of: \"usd\", \"eur\"")]
    [InlineData("""{"amount":1,"to_account":"1234567890","count":1.5}""", "count must be a whole number")]
    [InlineData("""{"amount":1,"to_account":"1234567890","count":0}""", "count must be at least 1")]
    [InlineData("""{"amount":1,"to_account":"1234567890","memo":"toolong"}""", "memo must be at most 5 characters long")]
    [InlineData("""{"amount":1,"to_account":"1234567890","email":"nope"}""", "email must be a valid email")]
    [InlineData("""{"amount":1,"to_account":"1234567890","tags":[]}""", "tags must have at least 1 items")]
    [InlineData("""{"amount":1,"to_account":"1234567890","tags":["a","a"]}""", "tags must not contain duplicates")]
    [InlineData("""{"amount":1,"to_account":"1234567890","tags":[1]}""", "tags[0] must be a string")]
    [InlineData("""{"amount":1,"to_account":"1234567890","address":{}}""", "address.zip is required")]
    [InlineData("""{"amount":1,"to_account":"1234567890","address":{"zip":"1"}}""", "address.zip must be at least 5 characters long")]
    [InlineData("""{"amount":1,"to_account":"1234567890","admin":true}""", "admin is not an allowed argument")]
    public void Each_rule_names_the_field_and_the_rule(string json, string expected) =>
        Assert.Equal(expected, Assert.Single(Check(json)));

    [Fact]
    public void Several_problems_are_reported_together() =>
        Assert.Equal(["amount is required", "to_account is required"], Check("{}"));

    [Fact]
    public void Integers_count_as_numbers_and_integral_doubles_as_integers()
    {
        Assert.Empty(Check("""{"amount":5,"to_account":"1234567890","count":3.0}"""));
    }

    [Theory]
    [InlineData("60000.0", "3.0", "amount must be at most 50000")]
    [InlineData("1e400", "3", "amount must be at most 50000")]
    [InlineData("7.25", "2.5", "count must be a whole number")]
    public void Numbers_read_alike_from_a_request_from_a_parsed_node_and_from_code(string amount, string count, string expected)
    {
        // The request reader, JsonNode.Parse and code each give the number a different node type.
        var fromRequest = SignalWire.Agents.Requests.SwaigRequest.Parse(System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"argument":{"parsed":[{"amount":{{{amount}}},"to_account":"1234567890","count":{{{count}}}}]}}""")).Arguments;
        var fromParse = JsonNode.Parse($$"""{"amount":{{amount}},"to_account":"1234567890","count":{{count}}}""");
        var fromCode = new JsonObject
        {
            ["amount"] = double.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            ["to_account"] = "1234567890",
            ["count"] = decimal.Parse(count, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal([expected, expected, expected], new[] { fromRequest, fromParse, fromCode }.Select(a => Assert.Single(Transfer.Validate(a))));
    }

    [Fact]
    public void Combinators_are_enforced()
    {
        var schema = ArgumentSchema.Compile(JsonNode.Parse("""{"type":"object","properties":{"v":{"anyOf":[{"type":"string"},{"type":"integer"}]},"w":{"oneOf":[{"type":"integer"},{"type":"number","minimum":5}]}}}""")!.AsObject());
        Assert.Empty(schema.Validate(JsonNode.Parse("""{"v":"x","w":1}""")));
        Assert.Equal(["v does not match any of the allowed forms"], schema.Validate(JsonNode.Parse("""{"v":true}""")));
        Assert.Equal(["w matches more than one of the allowed forms"], schema.Validate(JsonNode.Parse("""{"w":7}""")));
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/x"}}}""")]
    [InlineData("""{"type":"object","if":{"required":["a"]},"then":{"required":["b"]}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"("}}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"strnig"}}}""")]
    public void Schemas_that_cannot_be_enforced_are_refused_at_definition(string schema) =>
        Assert.Throws<ArgumentException>(() => ArgumentSchema.Compile(JsonNode.Parse(schema)!.AsObject()));

    [Fact]
    public void Schemas_built_in_code_work_like_parsed_ones()
    {
        var schema = ArgumentSchema.Compile(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["n"] = new JsonObject { ["type"] = "integer", ["minimum"] = 2, ["maxLength"] = 3 } },
        });
        Assert.Equal(["n must be at least 2"], schema.Validate(JsonNode.Parse("""{"n":1}""")));
    }
}
