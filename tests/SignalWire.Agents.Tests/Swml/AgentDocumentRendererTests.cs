using System.Text.Json.Nodes;
using System.Web;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Swml;

public sealed class AgentDocumentRendererTests
{
    private const string Base = "https://u:p@agent.example.com";

    private static AgentBase NewAgent(string name = "a") => new(new AgentOptions
    {
        Name = name,
        BasicAuthUser = "u",
        BasicAuthPassword = "p",
        SwaigSecret = "secret",
    });

    private static readonly ToolHandler Noop = (_, _, _) => ValueTask.FromResult(new FunctionResult());

    [Fact]
    public void Minimal_agent_renders_answer_and_a_default_text_prompt()
    {
        var json = AgentDocumentRenderer.RenderToString(NewAgent("support"), Base, "c-1");
        Assert.Equal(
            """{"version":"1.0.0","sections":{"main":[{"answer":{}},{"ai":{"prompt":{"text":"You are support, a helpful AI assistant."},"params":{}}}]}}""",
            json);
        SwmlSchema.AssertValid(json);
    }

    [Fact]
    public void Auto_answer_off_omits_answer()
    {
        var agent = new AgentBase(new AgentOptions { Name = "a", AutoAnswer = false, SwaigSecret = "s" });
        var json = AgentDocumentRenderer.RenderToString(agent, Base, "c-1");
        Assert.StartsWith("""{"version":"1.0.0","sections":{"main":[{"ai":""", json, StringComparison.Ordinal);
        SwmlSchema.AssertValid(json);
    }

    [Fact]
    public void Full_agent_renders_every_part_in_wire_order()
    {
        var agent = NewAgent("support")
            .PromptAddSection("Role", "You are a support agent.", ["Be concise"])
            .SetPostPrompt("Summarize the call as JSON.")
            .AddLanguage("English", "en-US", "elevenlabs.josh:eleven_turbo_v2_5")
            .SetParam("end_of_speech_timeout", 700)
            .SetGlobalData(new JsonObject { ["tier"] = "gold" })
            .DefineTool("get_weather", "Get the weather", new JsonObject { ["location"] = new JsonObject { ["type"] = "string", ["description"] = "City" } }, Noop)
            .DefineTool("transfer_funds", "Move money", null, Noop, secure: true);

        var json = AgentDocumentRenderer.RenderToString(agent, Base + "/support", "c-123");
        SwmlSchema.AssertValid(json);
        var ai = JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!.AsObject();
        Assert.Equal(["prompt", "post_prompt", "post_prompt_url", "SWAIG", "params", "languages", "global_data"], ai.Select(p => p.Key));

        var postPromptUrl = ai["post_prompt_url"]!.GetValue<string>();
        Assert.StartsWith("https://u:p@agent.example.com/support/post_prompt/?__token=", postPromptUrl, StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Valid, agent.Settings.Tokens.Check(TokenOf(postPromptUrl), AgentDocumentRenderer.PostPromptFunction, "c-123"));

        var functions = ai["SWAIG"]!["functions"]!.AsArray();
        Assert.Equal(
            """{"function":"get_weather","description":"Get the weather","parameters":{"type":"object","properties":{"location":{"type":"string","description":"City"}}}}""",
            functions[0]!.ToWireJson());
        var secureUrl = functions[1]!["web_hook_url"]!.GetValue<string>();
        Assert.StartsWith("https://u:p@agent.example.com/support/swaig/?__token=", secureUrl, StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Valid, agent.Settings.Tokens.Check(TokenOf(secureUrl), "transfer_funds", "c-123"));
        Assert.Equal(TokenCheck.Invalid, agent.Settings.Tokens.Check(TokenOf(secureUrl), "transfer_funds", "c-124"));
        Assert.Equal("""{"web_hook_url":"https://u:p@agent.example.com/support/swaig/"}""", ai["SWAIG"]!["defaults"]!.ToWireJson());
        Assert.Equal("""{"end_of_speech_timeout":700}""", ai["params"]!.ToWireJson());
        Assert.Equal("""[{"name":"English","code":"en-US","voice":"josh","engine":"elevenlabs","model":"eleven_turbo_v2_5"}]""", ai["languages"]!.ToWireJson());
        Assert.Equal("""{"tier":"gold"}""", ai["global_data"]!.ToWireJson());
        Assert.Equal("""{"pom":[{"title":"Role","body":"You are a support agent.","bullets":["Be concise"]}]}""", ai["prompt"]!.ToWireJson());
        Assert.Equal("""{"text":"Summarize the call as JSON."}""", ai["post_prompt"]!.ToWireJson());
    }

    [Fact]
    public void Without_a_call_id_secure_tokens_are_bound_to_an_unusable_id()
    {
        var agent = NewAgent().DefineTool("transfer_funds", "Move money", null, Noop, secure: true);
        var json = AgentDocumentRenderer.RenderToString(agent, Base, callId: null);
        var url = JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!["SWAIG"]!["functions"]![0]!["web_hook_url"]!.GetValue<string>();
        foreach (var guess in new[] { "", "null", "unknown", "call-1" })
        {
            Assert.NotEqual(TokenCheck.Valid, agent.Settings.Tokens.Check(TokenOf(url), "transfer_funds", guess));
        }
    }

    [Fact]
    public void Raw_prompt_text_renders_as_text_and_cannot_be_mixed_with_sections()
    {
        var agent = NewAgent().SetPromptText("Be brief.");
        Assert.Contains("""
            "prompt":{"text":"Be brief."}
            """, AgentDocumentRenderer.RenderToString(agent, Base, "c"), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => agent.PromptAddSection("Role", "x"));
        Assert.Throws<InvalidOperationException>(() => NewAgent().PromptAddSection("Role", "x").SetPromptText("y"));
    }

    [Fact]
    public void Changes_after_a_render_show_up_in_the_next_render()
    {
        var agent = NewAgent().PromptAddSection("Role", "one");
        var first = AgentDocumentRenderer.RenderToString(agent, Base, "c");
        agent.PromptAddToSection("Role", "two").SetParam("ai_volume", 5);
        var second = AgentDocumentRenderer.RenderToString(agent, Base, "c");
        Assert.DoesNotContain("two", first, StringComparison.Ordinal);
        Assert.Contains("""{"title":"Role","body":"one\n\ntwo"}""", second, StringComparison.Ordinal);
        Assert.Contains("""
            "params":{"ai_volume":5}
            """, second, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_are_percent_encoded_in_webhook_urls()
    {
        var credentials = new BasicAuthCredentials("user name", "p@ss:w/rd#?", CredentialSource.Options);
        Assert.Equal("https://user%20name:p%40ss%3Aw%2Frd%23%3F@agent.example.com:8443/base/support",
            WebhookBase.FromPublicBase(new Uri("https://agent.example.com:8443/base"), "/support", credentials));
        Assert.Equal("https://agent.example.com:8443/base/support",
            WebhookBase.Redact(WebhookBase.FromPublicBase(new Uri("https://agent.example.com:8443/base"), "/support", credentials)));
    }

    [Fact]
    public void Language_voice_parsing()
    {
        Assert.Equal(new LanguageSettings("E", "en", "josh", "elevenlabs", "turbo"), LanguageSettings.Create("E", "en", "elevenlabs.josh:turbo"));
        Assert.Equal(new LanguageSettings("E", "en", "rime.spore"), LanguageSettings.Create("E", "en", "rime.spore"));
        Assert.Equal(new LanguageSettings("E", "en", "josh"), LanguageSettings.Create("E", "en", "josh"));
    }

    [Fact]
    public void Typed_tool_schema_renders_exactly_and_validates_in_a_document()
    {
        var agent = NewAgent();
        agent.DefineTool<Tools.ToolSchemaTests.BookingArgs>("book", "Book", (_, _, _) => ValueTask.FromResult(new FunctionResult()), secure: true);

        var json = AgentDocumentRenderer.RenderToString(agent, Base, "c");

        SwmlSchema.AssertValid(json);
        var function = JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!["SWAIG"]!["functions"]![0]!.AsObject();
        var url = function["web_hook_url"]!.GetValue<string>();
        Assert.StartsWith(Base + "/swaig/?__token=", url, StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Valid, agent.Settings.Tokens.Check(TokenOf(url), "book", "c"));
        function.Remove("web_hook_url");
        Assert.Equal(
            """{"function":"book","description":"Book","parameters":{"type":"object","properties":{"guests":{"type":"integer","description":"How many guests"},"name":{"type":"string","description":"Guest name"},"tier":{"type":"string","enum":["basic","gold_plus"]},"requests":{"type":"array","items":{"type":"string"}},"address":{"type":"object","properties":{"street":{"type":"string","description":"Street and number"},"unit":{"type":"string","nullable":true}},"required":["street","unit"]},"budget":{"type":"number","nullable":true},"vip":{"type":"boolean","default":false}},"required":["guests","name","tier","requests","address"]}}""",
            function.ToWireJson());
    }

    private static string TokenOf(string url) => HttpUtility.ParseQueryString(new Uri(url).Query)["__token"]!;
}
