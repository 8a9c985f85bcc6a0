using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Prompt;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Tests.Agent;

/// <summary>The setters, hooks and escape hatches users of the other SDKs reach for.</summary>
public sealed class AgentApiTests
{
    private static AgentBase NewAgent() => new(new AgentOptions { Name = "api", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" });

    private static JsonObject Render(AgentBase agent, bool schema = true)
    {
        var json = AgentDocumentRenderer.RenderToString(agent, "https://u:p@a.example.com", "c");
        if (schema)
        {
            SwmlSchema.AssertValid(json);
        }

        return JsonNode.Parse(json)!.AsObject();
    }

    private static JsonObject Ai(JsonObject document) => document["sections"]!["main"]!.AsArray().Single(v => v!["ai"] is not null)!["ai"]!.AsObject();

    [Fact]
    public void Clearing_verbs_empties_each_list_alone()
    {
        var agent = NewAgent()
            .AddPreAnswerVerb("set", new JsonObject { ["a"] = 1 })
            .AddPostAnswerVerb("play", new JsonObject { ["url"] = "say:hi" })
            .AddPostAiVerb("hangup", new JsonObject());

        agent.ClearPreAnswerVerbs().ClearPostAiVerbs();

        Assert.Equal(
            """[{"answer":{}},{"play":{"url":"say:hi"}},"ai"]""",
            new JsonArray([.. Render(agent)["sections"]!["main"]!.AsArray().Select(v => v!.AsObject().Single().Key == "ai" ? JsonValue.Create("ai") : v!.DeepClone())]).ToWireJson());
        agent.ClearPostAnswerVerbs();
        Assert.Equal(2, Render(agent)["sections"]!["main"]!.AsArray().Count);
    }

    [Fact]
    public void Replace_all_setters_replace_languages_pronunciations_and_includes()
    {
        var agent = NewAgent()
            .AddLanguage("English", "en-US", "rime.spore")
            .AddPronunciation("API", "A P I")
            .AddFunctionInclude(new Uri("https://old.example.com/swaig"), ["old_fn"]);

        agent.SetLanguages(LanguageSettings.Create("French", "fr-FR", "gcloud.fr-FR-Neural2-B"), LanguageSettings.Create("Spanish", "es-ES", "rime.luna"))
            .SetPronunciations(new Pronunciation("SQL", "sequel", IgnoreCase: true), new Pronunciation("Acme", "Ack-me"))
            .SetFunctionIncludes(new FunctionInclude(new Uri("https://tools.example.com/swaig"), ["lookup", "book"], new JsonObject { ["tenant"] = "t1" }));

        var ai = Ai(Render(agent));
        Assert.Equal(
            """[{"name":"French","code":"fr-FR","voice":"gcloud.fr-FR-Neural2-B"},{"name":"Spanish","code":"es-ES","voice":"rime.luna"}]""",
            ai["languages"]!.ToWireJson());
        Assert.Equal("""[{"replace":"SQL","with":"sequel","ignore_case":true},{"replace":"Acme","with":"Ack-me"}]""", ai["pronounce"]!.ToWireJson());
        Assert.Equal("""[{"url":"https://tools.example.com/swaig","functions":["lookup","book"],"meta_data":{"tenant":"t1"}}]""", ai["SWAIG"]!["includes"]!.ToWireJson());
        Assert.Throws<ArgumentException>(() => agent.SetFunctionIncludes(new FunctionInclude(new Uri("https://x.example.com"), [])));
        Assert.Throws<ArgumentException>(() => agent.SetPronunciations(new Pronunciation(" ", "x")));
        Assert.Equal(["fr-FR", "es-ES"], agent.Languages.Select(l => l.Code));
    }

    [Fact]
    public void A_whole_pom_is_imported_and_replaces_the_sections()
    {
        var pom = PromptObjectModel.FromJson(JsonNode.Parse("""
            [{"title":"Role","body":"You are a booking assistant.","bullets":["Be brief"],"numbered":true},
             {"title":"Rules","body":"","bullets":["Confirm dates","Never take card numbers"],"numberedBullets":true,
              "subsections":[{"title":"Refunds","body":"Refunds go to billing."}]}]
            """)!.AsArray());
        var agent = NewAgent().PromptAddSection("Old", "Gone");

        agent.SetPromptPom(pom);

        Assert.Equal(
            """[{"title":"Role","body":"You are a booking assistant.","bullets":["Be brief"],"numbered":true},{"title":"Rules","bullets":["Confirm dates","Never take card numbers"],"subsections":[{"title":"Refunds","body":"Refunds go to billing."}],"numberedBullets":true}]""",
            Ai(Render(agent))["prompt"]!["pom"]!.ToWireJson());
        Assert.Throws<InvalidOperationException>(() => NewAgent().SetPromptText("Raw.").SetPromptPom(pom));
    }

    [Theory]
    [InlineData("""[{"title": 5}]""", "POM [0].title must be a string.")]
    [InlineData("""["text"]""", "POM [0] must be an object.")]
    [InlineData("""[{"title":"A","bullets":[1]}]""", "POM [0].bullets must be an array of strings.")]
    [InlineData("""[{"title":"A","subsections":[{"body":"no title"}]}]""", "POM [0].subsections[0] needs a title.")]
    [InlineData("""[{"title":"A","numbered":"yes"}]""", "POM [0].numbered must be true or false.")]
    [InlineData("""[{"title":"A"},{"body":"untitled second"}]""", "POM: Only the first section can have no title. (Parameter 'title')")]
    public void A_pom_that_is_not_one_is_refused_naming_the_place(string json, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => PromptObjectModel.FromJson(JsonNode.Parse(json)!.AsArray()));

        Assert.Equal(message + " (Parameter 'sections')", ex.Message);
    }

    [Fact]
    public void Llm_and_voice_parameters_take_keys_the_sdk_does_not_name()
    {
        var agent = NewAgent()
            .AddLanguage(LanguageSettings.Create("English", "en-US", "elevenlabs.rachel") with
            {
                Params = new VoiceParams(Stability: 0.4) { AdditionalParameters = new Dictionary<string, JsonNode?> { ["style"] = 0.2 } },
            })
            .SetPromptText("Hi.")
            .SetPromptLlmParams(new LlmParams { Temperature = 0.3, AdditionalParameters = new Dictionary<string, JsonNode?> { ["barge_confidence"] = 0.6, ["model"] = "gpt-4.1-nano" } });

        // The official schema lists neither key, so this document is checked by its exact JSON only.
        var ai = Ai(Render(agent, schema: false));
        Assert.Equal("""{"text":"Hi.","temperature":0.3,"barge_confidence":0.6,"model":"gpt-4.1-nano"}""", ai["prompt"]!.ToWireJson());
        Assert.Equal("""{"stability":0.4,"style":0.2}""", ai["languages"]![0]!["params"]!.ToWireJson());
        Assert.Throws<ArgumentException>(() => NewAgent().SetPromptLlmParams(new LlmParams { AdditionalParameters = new Dictionary<string, JsonNode?> { ["temperature"] = 1 } }));
        Assert.Throws<ArgumentException>(() => NewAgent().SetPromptLlmParams(new LlmParams { AdditionalParameters = new Dictionary<string, JsonNode?> { ["text"] = "override" } }));
        Assert.Throws<ArgumentException>(() => NewAgent().AddLanguage(LanguageSettings.Create("E", "en-US", "v") with { Params = new VoiceParams { AdditionalParameters = new Dictionary<string, JsonNode?> { ["similarity"] = 1 } } }));
    }

    [Fact]
    public void A_datamap_expression_can_answer_when_nothing_matches()
    {
        var map = new DataMap("route")
            .Parameter("dept", "string", "Department")
            .Expression("${args.dept}", "^sales$", new FunctionResult("Connecting to sales."), new FunctionResult("We have sales only."));
        var agent = NewAgent().DefineDataMapTool(map);

        var function = Ai(Render(agent, schema: false))["SWAIG"]!["functions"]![0]!;

        Assert.Equal(
            """{"expressions":[{"string":"${args.dept}","pattern":"^sales$","output":{"response":"Connecting to sales."},"nomatch-output":{"response":"We have sales only."}}]}""",
            function["data_map"]!.ToWireJson());
    }

    [Fact]
    public void Plain_and_rewrite_hints_go_in_one_action()
    {
        var result = new FunctionResult("Noted.").AddDynamicHints(["Acme", DynamicHint.Rewrite("a c m e", "Acme", ignoreCase: true), DynamicHint.Word("Globex")]);

        Assert.Equal(
            """{"response":"Noted.","action":[{"add_dynamic_hints":["Acme",{"pattern":"a c m e","replace":"Acme","ignore_case":true},"Globex"]}]}""",
            result.ToJson());
        Assert.Equal("""{"response":"x","action":[{"add_dynamic_hints":[{"pattern":"p","replace":"r"}]}]}""", new FunctionResult("x").AddDynamicPatternHint("p", "r").ToJson());
        Assert.Throws<ArgumentException>(() => new FunctionResult().AddDynamicHints(Array.Empty<DynamicHint>()));
    }

    [Fact]
    public void A_tool_served_elsewhere_renders_its_own_url_and_cannot_be_secure()
    {
        var agent = NewAgent().DefineTool("lookup", "Look up an order", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()),
            new ToolOptions { WebHookUrl = new Uri("https://orders.example.com/swaig?tenant=t1") });

        var function = Ai(Render(agent))["SWAIG"]!["functions"]![0]!;

        Assert.Equal("""{"function":"lookup","description":"Look up an order","parameters":{"type":"object","properties":{}},"web_hook_url":"https://orders.example.com/swaig?tenant=t1"}""", function.ToWireJson());
        Assert.Contains("cannot be secure", Assert.Throws<ArgumentException>(() => NewAgent().DefineTool("x", "x", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()),
            new ToolOptions { Secure = true, WebHookUrl = new Uri("https://orders.example.com/swaig") })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NewAgent().DefineTool("x", "x", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()),
            new ToolOptions { WebHookUrl = new Uri("ftp://orders.example.com/swaig") }));
    }

    [Fact]
    public void On_call_end_defines_the_hook_and_asks_for_the_conversation()
    {
        var agent = NewAgent().OnCallEnd((_, _) => ValueTask.CompletedTask).OnCallEnd((_, _) => ValueTask.CompletedTask);

        var ai = Ai(Render(agent));

        Assert.Equal("""{"function":"hangup_hook","description":"Internal: fires when the call ends.","parameters":{"type":"object","properties":{}}}""", ai["SWAIG"]!["functions"]![0]!.ToWireJson());
        Assert.True(ai["params"]!["swaig_post_conversation"]!.GetValue<bool>());
        var explicitOff = NewAgent().SetSwaigPostConversation(false).OnCallEnd((_, _) => ValueTask.CompletedTask);
        Assert.False(Ai(Render(explicitOff))["params"]!["swaig_post_conversation"]!.GetValue<bool>());
        Assert.Throws<InvalidOperationException>(() => NewAgent().DefineTool(AgentBase.CallEndFunction, "mine", null, (_, _, _) => ValueTask.FromResult(new FunctionResult())).OnCallEnd((_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public void Internal_fillers_keep_every_language_of_a_function()
    {
        var agent = NewAgent()
            .SetInternalFillers("next_step", "en-US", "One moment...")
            .SetInternalFillers("next_step", "es-ES", "Un momento...")
            .SetInternalFillers("next_step", "en-US", "Just a second...")
            .SetInternalFillers("check_time", "en-US", "Checking the time...");

        // Two languages for one function: the platform's shape, which the official schema does not allow.
        Assert.Equal(
            """{"next_step":{"en-US":["Just a second..."],"es-ES":["Un momento..."]},"check_time":{"en-US":["Checking the time..."]}}""",
            Ai(Render(agent, schema: false))["SWAIG"]!["internal_fillers"]!.ToWireJson());
        Render(NewAgent().SetInternalFillers("next_step", "en-US", "One moment..."));
    }
}
