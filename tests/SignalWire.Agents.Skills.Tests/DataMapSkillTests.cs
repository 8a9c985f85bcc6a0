using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>The DataMap skills: what they render (schema-valid, exact), their parameters and their keys.</summary>
public sealed class DataMapSkillTests
{
    [Fact]
    public async Task Joke_renders_its_data_map_with_the_key_in_a_header()
    {
        var tool = await SkillTest.ToolOfAsync(SkillTest.Agent().AddSkill("joke", new JsonObject { ["api_key"] = "test-ninjas-key" }), "get_joke");

        Assert.Equal(
            """{"function":"get_joke","description":"Get a random joke from API Ninjas","parameters":{"type":"object","properties":{"type":{"type":"string","description":"The kind of joke","enum":["jokes","dadjokes"]}},"required":["type"]},"data_map":{"webhooks":[{"url":"https://api.api-ninjas.com/v1/${args.type}","method":"GET","headers":{"X-Api-Key":"test-ninjas-key"},"output":{"response":"Here's a joke: ${array[0].joke}"},"error_keys":["error"]}],"output":{"response":"The joke service is not answering right now. Offer to try again later."}}}""",
            tool.ToWireJson());
    }

    [Fact]
    public async Task Trivia_instances_offer_their_own_categories_under_their_own_names()
    {
        var agent = SkillTest.Agent()
            .AddSkill("api_ninjas_trivia", new JsonObject { ["api_key"] = "k1", ["tool_name"] = "science_trivia", ["categories"] = new JsonArray("sciencenature", "mathematics") })
            .AddSkill("api_ninjas_trivia", new JsonObject { ["api_key"] = "k1" });

        var science = await SkillTest.ToolOfAsync(agent, "science_trivia");

        Assert.Equal("""{"type":"string","description":"The category: sciencenature (Science and Nature); mathematics (Mathematics)","enum":["sciencenature","mathematics"]}""", science["parameters"]!["properties"]!["category"]!.ToWireJson());
        Assert.Equal("https://api.api-ninjas.com/v1/trivia?category=${enc:args.category}", science["data_map"]!["webhooks"]![0]!["url"]!.GetValue<string>());
        Assert.True(agent.HasSkill("api_ninjas_trivia_get_trivia"));
        Assert.Equal("Skill 'api_ninjas_trivia': categories[0] must be one of: \"artliterature\", \"language\", \"sciencenature\", \"general\", \"fooddrink\", \"peopleplaces\", \"geography\", \"historyholidays\", \"entertainment\", \"toysgames\", \"music\", \"mathematics\", \"religionmythology\", \"sportsleisure\".",
            Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("api_ninjas_trivia", new JsonObject { ["api_key"] = "k", ["categories"] = new JsonArray("gossip") })).Message);
    }

    [Theory]
    [InlineData("fahrenheit", "temp_f", "Fahrenheit")]
    [InlineData("celsius", "temp_c", "Celsius")]
    public async Task Weather_reads_the_fields_of_the_chosen_unit(string unit, string field, string unitName)
    {
        var tool = await SkillTest.ToolOfAsync(SkillTest.Agent().AddSkill<WeatherSkill>(s => { s.ApiKey = "abc123"; s.TemperatureUnit = unit; }), "get_weather");
        var webhook = tool["data_map"]!["webhooks"]![0]!;

        Assert.Equal("https://api.weatherapi.com/v1/current.json?key=abc123&q=${enc:args.location}&aqi=no", webhook["url"]!.GetValue<string>());
        Assert.Contains($"${{current.{field}}} degrees {unitName}", webhook["output"]!["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""["location"]""", tool["parameters"]!["required"]!.ToWireJson());
    }

    [Fact]
    public void A_weather_key_that_could_break_out_of_the_url_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("weather_api", new JsonObject { ["api_key"] = "abc&q=evil" }));

        Assert.StartsWith("Skill 'weather_api': api_key ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Keys from the environment (one class, so its tests never run alongside each other).</summary>
public sealed class SkillKeyEnvironmentTests
{
    [Fact]
    public async Task A_missing_key_names_the_parameter_and_the_variable_and_the_variable_supplies_it()
    {
        Environment.SetEnvironmentVariable(ApiNinjas.KeyVariable, null);
        var agent = new AgentBase(AgentTestServer.Options());
        Assert.Equal("Skill 'joke': api_key is required (or set API_NINJAS_KEY).", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill("joke")).Message);
        Assert.Empty(agent.Tools.All);

        Environment.SetEnvironmentVariable(ApiNinjas.KeyVariable, "key-from-environment");
        try
        {
            agent.AddSkill("joke");
            await using var server = await AgentTestServer.StartAsync(agent);
            using var client = server.CreateClient();
            var swml = (await client.FetchSwmlAsync("call-1")).ToWireJson();
            Assert.Contains("\"X-Api-Key\":\"key-from-environment\"", swml, StringComparison.Ordinal);
            Assert.DoesNotContain("key-from-environment", server.AllLogText(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ApiNinjas.KeyVariable, null);
        }
    }
}
