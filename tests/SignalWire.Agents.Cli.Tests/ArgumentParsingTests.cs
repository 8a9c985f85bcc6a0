using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Audit;
using SignalWire.Agents.Cli.Commands;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Tests;

public sealed class ArgumentParsingTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{
          "count":{"type":"integer"},"price":{"type":"number"},"flag":{"type":"boolean"},
          "tags":{"type":"array","items":{"type":"string"}},"ids":{"type":"array","items":{"type":"integer"}},
          "filter":{"type":"object"},"note":{"type":["string","null"]},"name":{"type":"string"}}}
        """)!.AsObject();

    [Fact]
    public void ValuesFollowTheirSchemaTypes()
    {
        var args = ToolArguments.Parse(
            ["count=3", "price=9.95", "flag=no", "tags=a, b", "ids=[4,5]", "filter={\"x\":1}", "note=null", "name=007", "extra-key=value"],
            null, Schema);

        Assert.Equal(
            """{"count":3,"price":9.95,"flag":false,"tags":["a","b"],"ids":[4,5],"filter":{"x":1},"note":null,"name":"007","extra_key":"value"}""",
            args.ToJsonString());
    }

    [Fact]
    public void PairsOverrideTheJsonObject()
    {
        var args = ToolArguments.Parse(["count=2"], """{"count":1,"name":"x"}""", Schema);

        Assert.Equal("""{"count":2,"name":"x"}""", args.ToJsonString());
    }

    [Theory]
    [InlineData("count=1.5", "--arg count: '1.5' is not a valid integer.")]
    [InlineData("flag=maybe", "--arg flag: 'maybe' is not a valid boolean.")]
    [InlineData("noequals", "--arg 'noequals' must look like name=value.")]
    [InlineData("filter={", "--arg filter: '{' is not valid JSON:")]
    public void BadValuesSayWhatIsWrong(string pair, string message)
    {
        var error = Assert.Throws<CliException>(() => ToolArguments.Parse([pair], null, Schema));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${args.city}", "Paris")]
    [InlineData("q=${enc:url:args.city}", "q=S%C3%A3o%20Paulo")]
    [InlineData("%{lc:args.city}", "são paulo")]
    [InlineData("${lc:enc:url:args.city}", "s%c3%a3o%20paulo")]
    [InlineData("${enc:args.city}", "S%C3%A3o%20Paulo")]
    [InlineData("${response.temp} / ${args.missing}", "${response.temp} / ${args.missing}")]
    public void DataMapTemplatesResolveArgumentsOnly(string template, string expected)
    {
        var city = template.Contains("enc", StringComparison.Ordinal) || template.Contains("lc", StringComparison.Ordinal) ? "São Paulo" : "Paris";

        Assert.Equal(expected, DataMapPreview.Resolve(template, new JsonObject { ["city"] = city }));
    }

    [Theory]
    [InlineData("transfer_funds", new[] { "transfer", "funds" })]
    [InlineData("deleteAccount", new[] { "delete", "account" })]
    [InlineData("update-PIN", new[] { "update", "pin" })]
    [InlineData("shipping", new[] { "shipping" })]
    public void ToolNamesSplitIntoWords(string name, string[] words) => Assert.Equal(words, ToolHeuristics.Words(name));
}
