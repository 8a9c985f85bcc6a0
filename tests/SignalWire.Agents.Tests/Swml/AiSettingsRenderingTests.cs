using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Tests.Swml;

public sealed class AiSettingsRenderingTests
{
    private static readonly ToolHandler Noop = (_, _, _) => ValueTask.FromResult(new FunctionResult());

    private static AgentBase NewAgent() => new(new AgentOptions { Name = "support", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" });

    [Fact]
    public void Every_setting_renders_in_wire_order_and_validates()
    {
        var agent = NewAgent()
            .PromptAddSection("Role", "You are a support agent.")
            .SetPromptLlmParams(new LlmParams { Temperature = 0.3, TopP = 0.9 })
            .SetPostPrompt("Summarize.")
            .SetPostPromptLlmParams(new LlmParams { MaxTokens = 500 })
            .AddHints("SignalWire", "SWAIG")
            .AddPatternHint("cab", "cab(ernet)?", "cabernet", ignoreCase: true)
            .AddLanguage("English", "en-US", "elevenlabs.josh:eleven_turbo_v2_5")
            .AddPronunciation("API", "A P I")
            .AddPronunciation("SQL", "sequel", ignoreCase: true)
            .SetParam("end_of_speech_timeout", 700)
            .SetGlobalData(new JsonObject { ["tier"] = "gold" })
            .SetNativeFunctions("check_time", "wait_seconds")
            .AddFunctionInclude(new Uri("https://tools.example.com/swaig"), ["lookup"], new JsonObject { ["k"] = "v" })
            .SetInternalFillers("next_step", "en-US", "One moment...")
            .DefineTool("get_weather", "Get the weather", null, Noop, new ToolOptions
            {
                Fillers = new ToolFillers("en-US", "Checking..."),
                WaitFile = new Uri("https://cdn.example.com/hold.mp3"),
                WaitFileLoops = 2,
                MetaData = new JsonObject { ["region"] = "eu" },
                MetaDataToken = "weather-scope",
                Active = true,
                SkipFillers = false,
                WaitForFillers = true,
            });

        var json = AgentDocumentRenderer.RenderToString(agent, "https://u:p@agent.example.com", "c-1");
        SwmlSchema.AssertValid(json);
        var ai = JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!.AsObject();

        Assert.Equal(["prompt", "post_prompt", "post_prompt_url", "SWAIG", "params", "hints", "languages", "pronounce", "global_data"], ai.Select(p => p.Key));
        Assert.Equal("""{"pom":[{"title":"Role","body":"You are a support agent."}],"temperature":0.3,"top_p":0.9}""", ai["prompt"]!.ToWireJson());
        Assert.Equal("""{"text":"Summarize.","max_tokens":500}""", ai["post_prompt"]!.ToWireJson());
        Assert.Equal("""["SignalWire","SWAIG",{"hint":"cab","pattern":"cab(ernet)?","replace":"cabernet","ignore_case":true}]""", ai["hints"]!.ToWireJson());
        Assert.Equal("""[{"replace":"API","with":"A P I"},{"replace":"SQL","with":"sequel","ignore_case":true}]""", ai["pronounce"]!.ToWireJson());
        var swaig = ai["SWAIG"]!.AsObject();
        Assert.Equal(["native_functions", "includes", "internal_fillers", "functions", "defaults"], swaig.Select(p => p.Key));
        Assert.Equal("""["check_time","wait_seconds"]""", swaig["native_functions"]!.ToWireJson());
        Assert.Equal("""[{"url":"https://tools.example.com/swaig","functions":["lookup"],"meta_data":{"k":"v"}}]""", swaig["includes"]!.ToWireJson());
        Assert.Equal("""{"next_step":{"en-US":["One moment..."]}}""", swaig["internal_fillers"]!.ToWireJson());
        Assert.Equal(
            """{"function":"get_weather","description":"Get the weather","parameters":{"type":"object","properties":{}},"wait_file":"https://cdn.example.com/hold.mp3","fillers":{"en-US":["Checking..."]},"wait_file_loops":2,"meta_data":{"region":"eu"},"meta_data_token":"weather-scope","active":true,"skip_fillers":false,"wait_for_fillers":true}""",
            swaig["functions"]![0]!.ToWireJson());
    }

    [Fact]
    public void Swaig_without_tools_carries_only_the_head()
    {
        var json = AgentDocumentRenderer.RenderToString(NewAgent().SetNativeFunctions("check_time"), "https://u:p@a.example.com", "c");
        SwmlSchema.AssertValid(json);
        Assert.Equal("""{"native_functions":["check_time"]}""", JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!["SWAIG"]!.ToWireJson());
    }

    [Fact]
    public void Invalid_settings_are_refused_when_made()
    {
        Assert.Throws<ArgumentException>(() => NewAgent().SetNativeFunctions("transfer_money"));
        Assert.Throws<ArgumentException>(() => NewAgent().SetInternalFillers("my_tool", "en-US", "Hold on"));
        Assert.Throws<ArgumentException>(() => NewAgent().SetInternalFillers("next_step", "en-US"));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().SetPromptLlmParams(new LlmParams { Temperature = 2 }));
        Assert.Throws<ArgumentException>(() => NewAgent().AddFunctionInclude(new Uri("https://x.example.com"), []));
        Assert.Throws<ArgumentException>(() => NewAgent().DefineTool("t", "d", null, Noop, new ToolOptions { WaitFile = new Uri("hold.mp3", UriKind.Relative) }));
    }
}
