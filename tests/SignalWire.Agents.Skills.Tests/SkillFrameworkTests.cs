using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>The skill framework: parameters validated when added, instances, removal, the registry.</summary>
public sealed class SkillFrameworkTests
{
    /// <summary>A multi-instance skill with one required parameter, for the framework's own rules.</summary>
    private sealed class GreetingSkill : SkillBase
    {
        public override string Name => "greeting";

        public override string Description => "Greets in a chosen language";

        public override bool SupportsMultipleInstances => true;

        public string? Language { get => GetString("language"); set => SetParameter("language", value); }

        protected override JsonObject ParameterSchema => new()
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["language"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("en", "fr") } },
            ["required"] = new JsonArray("language"),
        };

        protected internal override void Register(SkillContext context)
        {
            var greeting = Language == "fr" ? "Bonjour" : "Hello";
            context.DefineTool(ToolName, "Greet the caller", null, (_, _, _) => ValueTask.FromResult(new FunctionResult(greeting)));
            context.AddHints(greeting);
            context.SetState(new JsonObject { ["language"] = Language });
            context.AddPromptSection("Greeting " + ToolName, "Greet with " + ToolName + ".");
        }
    }

    [Fact]
    public void A_missing_or_mistyped_parameter_is_a_start_up_error_naming_the_skill_and_the_parameter()
    {
        var agent = SkillTest.Agent();

        Assert.Equal("Skill 'greeting': language is required.", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill(new GreetingSkill())).Message);
        Assert.Equal("Skill 'greeting': language must be one of: \"en\", \"fr\".", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill(new GreetingSkill(), new JsonObject { ["language"] = "de" })).Message);
        Assert.Equal("Skill 'greeting': colour is not an allowed argument.", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill(new GreetingSkill(), new JsonObject { ["language"] = "en", ["colour"] = "red" })).Message);
        Assert.Equal("Skill 'math': skip_prompt must be true or false.", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill("math", new JsonObject { ["skip_prompt"] = "yes" })).Message);
        Assert.Empty(agent.Tools.All);
    }

    [Fact]
    public async Task Instances_have_their_own_tools_state_and_keys_and_serve_through_the_pipeline()
    {
        var agent = SkillTest.Agent()
            .AddSkill(new GreetingSkill(), new JsonObject { ["language"] = "en", ["tool_name"] = "greet_en" })
            .AddSkill<GreetingSkill>(s => { s.Language = "fr"; });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var swml = await client.FetchSwmlAsync("call-1");
        using var french = await client.PostJsonAsync("/swaig", SwaigRequests.Call("greeting"));

        Assert.Equal(["greet_en", "greeting"], swml.Ai()["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>()));
        Assert.Equal("""{"skill:greeting_greet_en":{"language":"en"},"skill:greeting":{"language":"fr"}}""", swml.Ai()["global_data"]!.ToWireJson());
        Assert.Equal("""["Hello","Bonjour"]""", swml.Ai()["hints"]!.ToWireJson());
        Assert.Equal("""{"response":"Bonjour"}""", await french.ReadTextAsync());
        Assert.Equal(["greeting", "greeting_greet_en"], agent.ListSkills().Select(s => s.InstanceKey));
        Assert.Equal("Skill 'greeting' already has an instance with tool_name 'greeting'; give each instance its own tool_name.",
            Assert.Throws<AgentConfigurationException>(() => agent.AddSkill(new GreetingSkill(), new JsonObject { ["language"] = "en" })).Message);
    }

    [Fact]
    public async Task Removing_a_skill_removes_its_tools_from_the_document_and_the_pipeline()
    {
        var agent = SkillTest.Agent().AddSkill("math").AddSkill("datetime");
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        Assert.True(agent.RemoveSkill("math"));
        Assert.False(agent.RemoveSkill("math"));

        using var calculate = await client.PostJsonAsync("/swaig", SwaigRequests.Call("calculate", new() { ["expression"] = "1+1" }));
        Assert.Equal((System.Net.HttpStatusCode.NotFound, """{"error":"Function not found"}"""), (calculate.StatusCode, await calculate.ReadTextAsync()));
        Assert.Equal(["get_current_time", "get_current_date"], (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>()));
        Assert.True(agent.HasSkill("datetime"));
        Assert.False(agent.HasSkill("math"));
    }

    [Fact]
    public async Task A_request_copy_sees_the_agents_skills_and_removing_one_there_leaves_the_agent_alone()
    {
        var agent = SkillTest.Agent().AddSkill("datetime").AddSkill("math");
        var seen = new List<string>();
        agent.OnRequest((request, copy, _) =>
        {
            seen.AddRange(copy.ListSkills().Select(s => s.Name));
            if (request.Query.ContainsKey("no_math"))
            {
                Assert.True(copy.RemoveSkill("math"));
            }

            Assert.Throws<AgentConfigurationException>(() => copy.AddSkill("datetime"));
            return ValueTask.CompletedTask;
        });
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var withoutMath = (await client.FetchSwmlAsync("call-1", "/?no_math=1")).Ai()["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>());
        var shared = (await client.FetchSwmlAsync("call-2")).Ai()["SWAIG"]!["functions"]!.AsArray().Select(f => f!["function"]!.GetValue<string>());

        Assert.Equal(["datetime", "math", "datetime", "math"], seen);
        Assert.Equal(["get_current_time", "get_current_date"], withoutMath);
        Assert.Equal(["get_current_time", "get_current_date", "calculate"], shared);
        Assert.True(agent.HasSkill("math"));
    }

    [Fact]
    public void A_single_instance_skill_is_added_once_and_skip_prompt_keeps_the_prompt_clean()
    {
        var agent = SkillTest.Agent().AddSkill("datetime", new JsonObject { ["skip_prompt"] = true });

        Assert.Equal("Skill 'datetime' is already added and supports one instance per agent.", Assert.Throws<AgentConfigurationException>(() => agent.AddSkill("datetime")).Message);
        Assert.False(agent.PromptHasSection("Date and Time Information"));
    }

    [Fact]
    public void Skill_prompt_sections_cannot_be_lost_to_prompt_text()
    {
        var withSkill = SkillTest.Agent().AddSkill("math");
        Assert.Throws<InvalidOperationException>(() => withSkill.SetPromptText("Just text."));
        Assert.True(withSkill.PromptHasSection("Mathematical Calculations"));

        var withText = SkillTest.Agent().SetPromptText("Just text.");
        var error = Assert.Throws<AgentConfigurationException>(() => withText.AddSkill("math"));
        Assert.Equal("Skill 'math' adds the prompt section 'Mathematical Calculations', but the agent uses prompt text; add the skill with \"skip_prompt\": true, or use prompt sections.", error.Message);
        Assert.Empty(withText.Tools.All);
        withText.AddSkill("math", new JsonObject { ["skip_prompt"] = true });
        Assert.Single(withText.Tools.All);
    }

    [Fact]
    public void Every_built_in_skill_is_registered()
    {
        string[] expected =
        [
            "api_ninjas_trivia", "ask_claude", "claude_skills", "datasphere", "datasphere_serverless", "datetime", "google_maps", "info_gatherer", "joke", "math",
            "mcp_gateway", "native_vector_search", "play_background_file", "spider", "swml_transfer", "weather_api", "web_search", "wikipedia_search",
        ];

        Assert.Equal(expected, SkillRegistry.List().Where(s => s.Source == "built-in").Select(s => s.Name));
    }

    [Fact]
    public void The_registry_lists_built_in_skills_with_their_schemas_and_refuses_unknown_or_duplicate_names()
    {
        var math = Assert.Single(SkillRegistry.List(), s => s.Name == "math");
        Assert.Equal(("built-in", false), (math.Source, math.SupportsMultipleInstances));
        Assert.Equal("""{"type":"object","properties":{"swaig_fields":{"type":"object","description":"SWAIG fields merged into each of the skill's tools"},"skip_prompt":{"type":"boolean","description":"Add no prompt sections"}},"additionalProperties":false}""", math.Parameters.ToWireJson());
        Assert.StartsWith("Skill 'nope' is not registered. Registered skills: ", Assert.Throws<AgentConfigurationException>(() => SkillRegistry.Create("nope")).Message, StringComparison.Ordinal);
        Assert.Equal("A skill named 'math' is already registered (built-in). (Parameter 'create')", Assert.Throws<ArgumentException>(() => SkillRegistry.Register(() => new MathSkill())).Message);
    }

    [Fact]
    public async Task Swaig_fields_make_the_skills_tools_secure_and_add_their_metadata()
    {
        var tool = await SkillTest.ToolOfAsync(
            SkillTest.Agent().AddSkill("math", new JsonObject { ["swaig_fields"] = new JsonObject { ["secure"] = true, ["meta_data"] = new JsonObject { ["team"] = "finance" }, ["meta_data_token"] = "calc" } }),
            "calculate");

        Assert.Equal("""{"team":"finance"}""", tool["meta_data"]!.ToWireJson());
        Assert.Equal("calc", tool["meta_data_token"]!.GetValue<string>());
        Assert.Contains("__token=", tool["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"type":"object","properties":{"expression":{"type":"string","description":"Numbers, + - * / %, ** or ^ for powers, and parentheses"}},"required":["expression"]}""", tool["parameters"]!.ToWireJson());
    }
}
