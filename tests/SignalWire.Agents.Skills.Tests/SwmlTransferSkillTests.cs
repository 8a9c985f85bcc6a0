using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>swml_transfer: the DataMap it renders (exact and schema-valid) and the destination policy at start-up.</summary>
public sealed class SwmlTransferSkillTests
{
    [Fact]
    public async Task Each_pattern_transfers_to_its_agent_or_number_and_anything_else_gets_the_default()
    {
        var transfers = new JsonObject
        {
            ["/sales/i"] = new JsonObject { ["url"] = "https://agents.example.com/sales", ["message"] = "Connecting you to sales." },
            ["/support|help/i"] = new JsonObject { ["address"] = "+14155550142", ["final"] = false, ["from_addr"] = "+14155550100" },
        };
        var agent = SkillTest.Agent().AddSkill("swml_transfer", new JsonObject { ["transfers"] = transfers, ["required_fields"] = new JsonObject { ["name"] = "The caller's name" } });

        var tool = await SkillTest.ToolOfAsync(agent, "transfer_call");

        Assert.Equal(
            """{"function":"transfer_call","description":"Transfer the call to the department or person the caller asks for","parameters":{"type":"object","properties":{"transfer_type":{"type":"string","description":"Where the caller wants to go"},"name":{"type":"string","description":"The caller's name"}},"required":["transfer_type","name"]},"data_map":{"expressions":[{"string":"${args.transfer_type}","pattern":"/sales/i","output":{"response":"Connecting you to sales.","action":[{"set_global_data":{"call_data":{"name":"${args.name}"}}},{"SWML":{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"The transfer is over. Ask the caller how else you can help."}},{"transfer":{"dest":"https://agents.example.com/sales"}}]}},"transfer":"true"}]}},{"string":"${args.transfer_type}","pattern":"/support|help/i","output":{"response":"Transferring you now.","action":[{"set_global_data":{"call_data":{"name":"${args.name}"}}},{"SWML":{"sections":{"main":[{"connect":{"to":"+14155550142","from":"+14155550100"}}]},"version":"1.0.0"},"transfer":"false"}]}},{"string":"${args.transfer_type}","pattern":"/.*/","output":{"response":"That is not a place I can transfer to. Ask the caller which department they want.","action":[{"set_global_data":{"call_data":{"name":"${args.name}"}}}]}}]}}""",
            tool.ToWireJson());
        Assert.Equal(["transfer_call"], agent.Tools.All.Select(t => t.Name));
    }

    [Fact]
    public void A_premium_rate_address_is_refused_when_the_skill_is_added()
    {
        var transfers = new JsonObject { ["/psychic/"] = new JsonObject { ["address"] = "+19005550123" } };

        var error = Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("swml_transfer", new JsonObject { ["transfers"] = transfers }));

        Assert.StartsWith("Skill 'swml_transfer': transfer '/psychic/' goes to an address the destination policy refuses (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"url":"https://a.example.com/x","address":"+14155550142"}""")]
    [InlineData("""{"message":"hi"}""")]
    public void A_transfer_needs_exactly_one_destination(string entry)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("swml_transfer", new JsonObject { ["transfers"] = new JsonObject { ["/x/"] = JsonNode.Parse(entry) } }));
        Assert.Equal("Skill 'swml_transfer': transfer '/x/' needs exactly one of url and address.", error.Message);
    }
}
