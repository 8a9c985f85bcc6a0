using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Swml;

public sealed class WebhookSettingsRenderingTests
{
    private const string Base = "https://u:p@agent.example.com/support";
    private static readonly ToolHandler Noop = (_, _, _) => ValueTask.FromResult(new FunctionResult());

    private static AgentBase NewAgent() => new(new AgentOptions { Name = "support", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" });

    private static JsonObject Ai(AgentBase agent, string callId = "c-1")
    {
        var json = AgentDocumentRenderer.RenderToString(agent, Base, callId);
        SwmlSchema.AssertValid(json);
        return JsonNode.Parse(json)!["sections"]!["main"]!.AsArray().Select(v => v!["ai"]).OfType<JsonObject>().Single();
    }

    [Fact]
    public void Swaig_query_params_reach_every_generated_url_ahead_of_the_token()
    {
        var agent = NewAgent()
            .SetPostPrompt("Summarize.")
            .AddSwaigQueryParams(new Dictionary<string, string> { ["tier"] = "premium plus", ["region"] = "eu", ["empty"] = "" })
            .AddSwaigQueryParams(new Dictionary<string, string> { ["region"] = "us" })
            .DefineTool("lookup", "Look up", null, Noop)
            .DefineTool("pay", "Pay", null, Noop, secure: true)
            .EnableDebugEvents(2);

        var ai = Ai(agent, "call-9");
        var functions = ai["SWAIG"]!["functions"]!.AsArray();

        Assert.Equal(Base + "/swaig/?tier=premium+plus&region=us", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.Equal(Base + "/swaig/?tier=premium+plus&region=us", functions[0]!["web_hook_url"]!.GetValue<string>());
        var secureUrl = functions[1]!["web_hook_url"]!.GetValue<string>();
        Assert.StartsWith(Base + "/swaig/?tier=premium+plus&region=us&__token=", secureUrl, StringComparison.Ordinal);
        var tokens = new SwaigTokenService(Encoding.UTF8.GetBytes("s"), "support", TimeSpan.FromHours(1), TimeProvider.System);
        Assert.Equal(TokenCheck.Valid, tokens.Check(HttpUtility.ParseQueryString(new Uri(secureUrl).Query)["__token"], "pay", "call-9"));
        Assert.StartsWith(Base + "/post_prompt/?tier=premium+plus&region=us&__token=", ai["post_prompt_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["debug_webhook_url", "debug_webhook_level"], ai["params"]!.AsObject().Select(p => p.Key));
        Assert.Equal(Base + "/debug_events/?tier=premium+plus&region=us", ai["params"]!["debug_webhook_url"]!.GetValue<string>());
        Assert.Equal(2, ai["params"]!["debug_webhook_level"]!.GetValue<int>());
    }

    [Fact]
    public void Without_query_params_regular_tools_have_no_url_of_their_own()
    {
        var ai = Ai(NewAgent().DefineTool("lookup", "Look up", null, Noop).ClearSwaigQueryParams());

        Assert.Null(ai["SWAIG"]!["functions"]![0]!["web_hook_url"]);
        Assert.Equal(Base + "/swaig/", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
    }

    [Fact]
    public void Token_keys_cannot_be_query_params()
    {
        var error = Assert.Throws<ArgumentException>(() => NewAgent().AddSwaigQueryParams(new Dictionary<string, string> { ["__token"] = "x" }));

        Assert.StartsWith("'__token' and 'token' are reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_overrides_replace_the_generated_urls()
    {
        var agent = NewAgent()
            .SetPostPrompt("Summarize.")
            .SetPostPromptUrl(new Uri("https://summaries.example.com/in"))
            .SetWebHookUrl(new Uri("https://tools.example.com/swaig"))
            .DefineTool("lookup", "Look up", null, Noop);

        var ai = Ai(agent);

        Assert.Equal("https://summaries.example.com/in", ai["post_prompt_url"]!.GetValue<string>());
        Assert.Equal("https://tools.example.com/swaig", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => NewAgent().SetWebHookUrl(new Uri("/relative", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => NewAgent().SetPostPromptUrl(new Uri("ftp://example.com/x")));
    }

    [Fact]
    public void Debug_events_merge_into_params_without_duplicating_keys()
    {
        var agent = NewAgent().SetParam("ai_volume", 5).SetParam("debug_webhook_level", 9).EnableDebugEvents();

        Assert.Equal(
            """{"ai_volume":5,"debug_webhook_url":"https://u:p@agent.example.com/support/debug_events/","debug_webhook_level":1}""",
            Ai(agent)["params"]!.ToJsonString());
        Assert.True(agent.DebugEventsEnabled);
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().EnableDebugEvents(3));
    }

    [Fact]
    public void Language_fillers_and_voice_params_render_as_the_schema_wants()
    {
        var agent = NewAgent()
            .AddLanguage("English", "en-US", "elevenlabs.josh:eleven_turbo_v2_5", speechFillers: ["Um", "Well"], functionFillers: ["One moment"])
            .AddLanguage("Spanish", "es-ES", "rime.luna", speechFillers: ["Pues"])
            .AddLanguage(new LanguageSettings("French", "fr-FR", "claire") { FunctionFillers = ["Un instant"] })
            .SetLanguageParams("en-US", new VoiceParams(Stability: 0.4, Similarity: 0.8));

        Assert.Equal(
            """[{"name":"English","code":"en-US","voice":"josh","engine":"elevenlabs","model":"eleven_turbo_v2_5","speech_fillers":["Um","Well"],"function_fillers":["One moment"],"params":{"stability":0.4,"similarity":0.8}},"""
            + """{"name":"Spanish","code":"es-ES","voice":"rime.luna","fillers":["Pues"]},{"name":"French","code":"fr-FR","voice":"claire","fillers":["Un instant"]}]""",
            Ai(agent)["languages"]!.ToJsonString());
        Assert.Throws<ArgumentException>(() => agent.SetLanguageParams("de-DE", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.SetLanguageParams("en-US", new VoiceParams(Stability: 1.5)));
        Assert.Null(agent.SetLanguageParams("en-US", null).Languages[0].Params);
    }

    [Fact]
    public void Multilingual_renders_after_languages()
    {
        var agent = NewAgent()
            .AddLanguage("English", "en-US", "rime.spore")
            .SetMultilingual(new MultilingualSettings
            {
                Languages = [new MultilingualVoice("default", "rime.spore"), new MultilingualVoice("es", "luna", Engine: "rime", Model: "arcana")],
                StartLanguage = "en",
                Allowed = ["en", "es"],
                MinSwitchWords = 3,
                Fillers = ["one moment"],
            });

        var ai = Ai(agent);

        Assert.Equal(["prompt", "params", "languages", "multilingual"], ai.Select(p => p.Key));
        Assert.Equal(
            """{"languages":[{"language":"default","voice":"rime.spore"},{"language":"es","voice":"luna","engine":"rime","model":"arcana"}],"start_language":"en","allowed":["en","es"],"min_switch_words":3,"fillers":["one moment"]}""",
            ai["multilingual"]!.ToJsonString());
        Assert.Throws<ArgumentException>(() => NewAgent().SetMultilingual(new MultilingualSettings { Languages = [] }));
    }

    [Fact]
    public void Typed_param_helpers_write_the_schema_names_and_check_ranges()
    {
        var agent = NewAgent()
            .SetEndOfSpeechTimeout(TimeSpan.FromMilliseconds(800))
            .SetAttentionTimeout(TimeSpan.FromSeconds(30))
            .SetInactivityTimeout(TimeSpan.FromMinutes(10))
            .SetAiModel("gpt-4o-mini")
            .SetLocalTimeZone("America/Chicago")
            .SetStaticGreeting("Hello!", noBarge: true)
            .SetAiVolume(-5)
            .SetWaitForUser(true)
            .SetBargeMinWords(2)
            .SetHoldMusic(new Uri("https://cdn.example.com/hold.mp3"))
            .SetSwaigPostConversation(true)
            .SetSwaigPostSwmlVars(true)
            .SetParams(new JsonObject { ["transfer_summary"] = true });

        Assert.Equal(
            """{"end_of_speech_timeout":800,"attention_timeout":30000,"inactivity_timeout":600000,"ai_model":"gpt-4o-mini","local_tz":"America/Chicago","static_greeting":"Hello!","static_greeting_no_barge":true,"ai_volume":-5,"wait_for_user":true,"barge_min_words":2,"hold_music":"https://cdn.example.com/hold.mp3","swaig_post_conversation":true,"swaig_post_swml_vars":true,"transfer_summary":true}""",
            Ai(agent)["params"]!.ToJsonString());
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().SetEndOfSpeechTimeout(TimeSpan.FromMilliseconds(100)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().SetInactivityTimeout(TimeSpan.FromHours(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().SetAiVolume(51));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAgent().SetBargeMinWords(0));
    }

    [Fact]
    public async Task Request_copies_carry_the_webhook_settings_and_do_not_leak_back()
    {
        var agent = NewAgent().AddSwaigQueryParams(new Dictionary<string, string> { ["tier"] = "gold" }).DefineTool("lookup", "Look up", null, Noop);
        agent.OnRequest((request, copy, ct) =>
        {
            copy.AddSwaigQueryParams(new Dictionary<string, string> { ["tenant"] = request.Query["tenant"] }).EnableDebugEvents();
            return ValueTask.CompletedTask;
        });

        var copy = await agent.ConfigureForRequestAsync(new AgentRequest(new Dictionary<string, string> { ["tenant"] = "acme" }, null, new Dictionary<string, string>()), TestContext.Current.CancellationToken);

        Assert.Equal(Base + "/swaig/?tier=gold&tenant=acme", Ai(copy)["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.Equal(Base + "/swaig/?tier=gold", Ai(agent)["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.False(agent.DebugEventsEnabled);
    }
}
