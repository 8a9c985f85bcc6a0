using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.DataMaps;

public sealed class DataMapTests
{
    private static JsonObject RenderedFunction(DataMap map)
    {
        var agent = new AgentBase(new AgentOptions { Name = "dm", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" }).DefineDataMapTool(map);
        var json = AgentDocumentRenderer.RenderToString(agent, "https://u:p@a.example.com", "c");
        SwmlSchema.AssertValid(json);
        return JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!["SWAIG"]!["functions"]![0]!.AsObject();
    }

    [Fact]
    public void Webhook_tool_matches_the_wire_example()
    {
        var map = new DataMap("get_joke")
            .Purpose("Tell a joke")
            .Parameter("type", "string", "Joke type", required: true, enumValues: ["jokes", "dadjokes"])
            .Webhook("GET", "https://api.example.com/v1/${args.type}", new Dictionary<string, string> { ["X-Api-Key"] = "KEY" })
            .Output(new FunctionResult("Here's a joke: ${array[0].joke}"))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult("Joke service unavailable."));

        Assert.Equal(
            """{"function":"get_joke","description":"Tell a joke","parameters":{"type":"object","properties":{"type":{"type":"string","description":"Joke type","enum":["jokes","dadjokes"]}},"required":["type"]},"data_map":{"webhooks":[{"url":"https://api.example.com/v1/${args.type}","method":"GET","headers":{"X-Api-Key":"KEY"},"output":{"response":"Here's a joke: ${array[0].joke}"},"error_keys":["error"]}],"output":{"response":"Joke service unavailable."}}}""",
            RenderedFunction(map).ToWireJson());
    }

    [Fact]
    public void Expressions_body_params_foreach_and_global_error_keys()
    {
        var map = new DataMap("lookup")
            .Parameter("q", "string", "Query")
            .Expression("${args.q}", "^help$", new FunctionResult("Say how to use the service.").Say("Here is how it works."))
            .Webhook("post", "https://api.example.com/search", inputArgsAsParams: true, requireArgs: ["q"])
            .Params(new JsonObject { ["limit"] = 3 })
            .ForEach("results", "lines", "${this.title}; ", max: 3)
            .Output(new FunctionResult("Results: ${lines}"))
            .ErrorKeys("error")
            .GlobalErrorKeys("error", "fault");

        var dataMap = RenderedFunction(map)["data_map"]!;
        Assert.Equal("""[{"string":"${args.q}","pattern":"^help$","output":{"response":"Say how to use the service.","action":[{"say":"Here is how it works."}]}}]""", dataMap["expressions"]!.ToWireJson());
        Assert.Equal(
            """[{"url":"https://api.example.com/search","method":"POST","input_args_as_params":true,"require_args":["q"],"params":{"limit":3},"foreach":{"input_key":"results","output_key":"lines","append":"${this.title}; ","max":3},"output":{"response":"Results: ${lines}"},"error_keys":["error","fault"]}]""",
            dataMap["webhooks"]!.ToWireJson());
        Assert.Equal("Execute lookup", RenderedFunction(map)["description"]!.GetValue<string>());
    }

    [Fact]
    public void Misuse_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new DataMap("x").Params(new JsonObject()));
        Assert.Throws<InvalidOperationException>(() => new DataMap("x").Output(new FunctionResult("r")));
        Assert.Throws<ArgumentException>(() => new DataMap("x").Webhook("PATCH", "https://a.example.com"));
        Assert.Throws<ArgumentException>(() => new DataMap("x").Parameter("a", "text", "d"));
        Assert.Throws<ArgumentException>(() => new DataMap("bad name"));
        Assert.Throws<InvalidOperationException>(() => new AgentBase(new AgentOptions()).DefineDataMapTool(new DataMap("empty")));
    }

    [Fact]
    public void Simple_api_tool_factory_renders_one_webhook()
    {
        var map = DataMapFactories.SimpleApiTool(
            "get_weather", "https://api.example.com/weather?q=${enc:url:args.city}", "It is ${response.temp} in ${args.city}.",
            [new DataMapParameter("city", "string", "City name", Required: true)], errorKeys: ["error"]);

        Assert.Equal(
            """{"function":"get_weather","description":"Execute get_weather","parameters":{"type":"object","properties":{"city":{"type":"string","description":"City name"}},"required":["city"]},"data_map":{"webhooks":[{"url":"https://api.example.com/weather?q=${enc:url:args.city}","method":"GET","output":{"response":"It is ${response.temp} in ${args.city}."},"error_keys":["error"]}]}}""",
            RenderedFunction(map).ToWireJson());
    }

    [Fact]
    public void Expression_tool_factory_renders_the_patterns_in_order()
    {
        var map = DataMapFactories.ExpressionTool(
            "control",
            [("${args.command}", "/^play/i", new FunctionResult("Playing.")), ("${args.command}", "stop", new FunctionResult("Stopped."))],
            [new DataMapParameter("command", "string", "What to do", Required: true, Enum: ["play", "stop"])]);

        Assert.Equal(
            """{"function":"control","description":"Execute control","parameters":{"type":"object","properties":{"command":{"type":"string","description":"What to do","enum":["play","stop"]}},"required":["command"]},"data_map":{"expressions":[{"string":"${args.command}","pattern":"/^play/i","output":{"response":"Playing."}},{"string":"${args.command}","pattern":"stop","output":{"response":"Stopped."}}]}}""",
            RenderedFunction(map).ToWireJson());
    }
}
