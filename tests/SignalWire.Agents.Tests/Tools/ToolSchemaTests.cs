using System.ComponentModel;
using System.Text.Json.Nodes;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Tools;

public sealed class ToolSchemaTests
{
    public enum Tier
    {
        Basic,
        GoldPlus,
    }

    public sealed record Address([property: Description("Street and number")] string Street, string? Unit);

    public sealed record BookingArgs(
        [property: Description("How many guests")] int Guests,
        [property: Description("Guest name")] string Name,
        Tier Tier,
        IReadOnlyList<string> Requests,
        Address Address,
        double? Budget = null,
        bool Vip = false);

    private static readonly ToolHandler Noop = (_, _, _) => ValueTask.FromResult(new FunctionResult());

    [Fact]
    public void Empty_schema_becomes_an_empty_object_schema()
    {
        var agent = new AgentBase(new AgentOptions()).DefineTool("ping", "Ping", null, Noop);
        Assert.Equal("""{"type":"object","properties":{}}""", agent.Tools.All[0].WireParameters.ToWireJson());
    }

    [Fact]
    public void A_properties_map_is_wrapped()
    {
        var agent = new AgentBase(new AgentOptions()).DefineTool("f", "d", new JsonObject { ["city"] = new JsonObject { ["type"] = "string" } }, Noop);
        Assert.Equal("""{"type":"object","properties":{"city":{"type":"string"}}}""", agent.Tools.All[0].WireParameters.ToWireJson());
    }

    [Fact]
    public void Keywords_swml_does_not_accept_are_kept_for_validation_but_not_rendered()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","additionalProperties":false,"required":["code"],
             "properties":{"code":{"type":"string","minLength":4,"maxLength":6,"pattern":"^[0-9]+$","format":"date-time"},
                           "count":{"type":["integer","null"],"minimum":1}}}
            """)!.AsObject();
        var tool = new AgentBase(new AgentOptions()).DefineTool("f", "d", schema, Noop).Tools.All[0];
        Assert.Equal(
            """{"type":"object","properties":{"code":{"type":"string","pattern":"^[0-9]+$","format":"date_time"},"count":{"type":"integer","nullable":true}},"required":["code"]}""",
            tool.WireParameters.ToWireJson());
        Assert.Equal(4, tool.Parameters["properties"]!["code"]!["minLength"]!.GetValue<int>());
        Assert.False(tool.Parameters["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void A_schema_that_is_not_an_object_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AgentBase(new AgentOptions()).DefineTool("f", "d", new JsonObject { ["type"] = "string" }, Noop));

    [Fact]
    public void Typed_arguments_generate_snake_case_schema_with_descriptions_and_required()
    {
        var agent = new AgentBase(new AgentOptions());
        agent.DefineTool<BookingArgs>("book", "Book a table", (_, _, _) => ValueTask.FromResult(new FunctionResult()));
        var tool = agent.Tools.All[0];
        Assert.Equal(
            """{"type":"object","properties":{"guests":{"type":"integer","description":"How many guests"},"name":{"type":"string","description":"Guest name"},"tier":{"type":"string","enum":["basic","gold_plus"]},"requests":{"type":"array","items":{"type":"string"}},"address":{"type":"object","properties":{"street":{"type":"string","description":"Street and number"},"unit":{"type":"string","nullable":true}},"required":["street","unit"]},"budget":{"type":"number","nullable":true},"vip":{"type":"boolean","default":false}},"required":["guests","name","tier","requests","address"]}""",
            tool.WireParameters.ToWireJson());
        Assert.Equal(["guests", "name", "tier", "requests", "address"], tool.Required);
    }
}
