using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>The info_gatherer skill: namespaced state, prefixed tools, enforced confirmation.</summary>
public sealed class InfoGathererSkillTests
{
    private static JsonObject Questions() => new()
    {
        ["questions"] = new JsonArray(
            new JsonObject { ["key_name"] = "name", ["question_text"] = "Your name?" },
            new JsonObject { ["key_name"] = "email", ["question_text"] = "Your email?", ["confirm"] = true }),
    };

    private static async Task<string> CallAsync(HttpClient client, string function, JsonObject args, JsonObject globalData)
    {
        var body = SwaigRequests.Call(function, args);
        body["global_data"] = globalData.DeepClone();
        using var response = await client.PostJsonAsync("/swaig", body);
        return await response.ReadTextAsync();
    }

    [Fact]
    public async Task Two_prefixed_instances_keep_their_own_state_and_confirmation_is_enforced()
    {
        var second = Questions();
        second["prefix"] = "intake";
        var agent = SkillTest.Agent().AddSkill("info_gatherer", Questions()).AddSkill("info_gatherer", second);
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var swml = await client.FetchSwmlAsync("call-1");
        var globalData = swml.Ai()["global_data"]!.AsObject();

        Assert.Equal(["start_questions", "submit_answer", "intake_start_questions", "intake_submit_answer"], swml.Ai()["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>()));
        Assert.Equal(["skill:info_gatherer", "skill:info_gatherer_intake"], globalData.Select(p => p.Key));

        var first = await CallAsync(client, "intake_submit_answer", new() { ["answer"] = "Ada" }, globalData);
        Assert.Equal(
            """{"response":"Ask the caller: \"Your email?\". Once you have the answer, call intake_submit_answer with it. Read the answer back and insist on confirmation until the caller says it is correct, then submit it.","action":[{"replace_in_history":true},{"set_global_data":{"skill:info_gatherer_intake":{"questions":[{"key_name":"name","question_text":"Your name?","confirm":false},{"key_name":"email","question_text":"Your email?","confirm":true}],"question_index":1,"answers":[{"key_name":"name","answer":"Ada"}]}}}]}""",
            first);

        globalData["skill:info_gatherer_intake"] = JsonNode.Parse(first)!["action"]![1]!["set_global_data"]!["skill:info_gatherer_intake"]!.DeepClone();
        Assert.Equal(
            """{"response":"Read the answer back to the caller and ask them to confirm it; then call intake_submit_answer again with confirmed_by_user set to true."}""",
            await CallAsync(client, "intake_submit_answer", new() { ["answer"] = "ada@example.com" }, globalData));
        Assert.Contains("Thank you! All questions have been answered.", await CallAsync(client, "intake_submit_answer", new() { ["answer"] = "ada@example.com", ["confirmed_by_user"] = true }, globalData), StringComparison.Ordinal);
        Assert.Contains("Ask the caller: \\\"Your name?\\\"", await CallAsync(client, "start_questions", [], globalData), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_questions_stop_start_up()
    {
        Assert.Equal("Skill 'info_gatherer': questions[0].key_name is not in the expected format.",
            Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("info_gatherer", new JsonObject { ["questions"] = JsonNode.Parse("""[{"key_name":"Bad Key","question_text":"?"}]""") })).Message);
        Assert.Equal("Skill 'info_gatherer': Question key_name 'a' is used twice. (Parameter 'questions')",
            Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("info_gatherer", new JsonObject { ["questions"] = JsonNode.Parse("""[{"key_name":"a","question_text":"1?"},{"key_name":"a","question_text":"2?"}]""") })).Message);
    }
}
