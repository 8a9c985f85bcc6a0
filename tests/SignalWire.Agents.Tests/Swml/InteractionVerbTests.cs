using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Swml;

public sealed class InteractionVerbTests
{
    public static TheoryData<string, Action<SwmlSection>, string> Verbs() => new()
    {
        { "prompt digits", s => s.Prompt("say:Press 1 for sales", new PromptOptions { MaxDigits = 1, Terminators = "#", DigitTimeout = 5, SayVoice = "Polly.Joanna" }),
            """{"prompt":{"play":"say:Press 1 for sales","say_voice":"Polly.Joanna","max_digits":1,"terminators":"#","digit_timeout":5}}""" },
        { "prompt speech", s => s.Prompt(["silence:1", "say:Which department?"], new PromptOptions { SpeechTimeout = 10, SpeechEndTimeout = 1.5, SpeechLanguage = "en-US", SpeechHints = ["sales", "support"], SpeechEngine = "Deepgram", StatusUrl = new Uri("https://hooks.example.com/prompt"), Volume = -3 }),
            """{"prompt":{"play":["silence:1","say:Which department?"],"volume":-3,"speech_timeout":10,"speech_end_timeout":1.5,"speech_language":"en-US","speech_hints":["sales","support"],"speech_engine":"Deepgram","status_url":"https://hooks.example.com/prompt"}}""" },
        { "send_digits", s => s.SendDigits("1234W#"), """{"send_digits":{"digits":"1234W#"}}""" },
        { "send_fax", s => s.SendFax(new Uri("https://docs.example.com/invoice.pdf"), headerInfo: "Invoice 12345", identity: "+15551234567", statusUrl: new Uri("https://hooks.example.com/fax")),
            """{"send_fax":{"document":"https://docs.example.com/invoice.pdf","header_info":"Invoice 12345","identity":"+15551234567","status_url":"https://hooks.example.com/fax"}}""" },
        { "receive_fax", s => s.ReceiveFax(new Uri("https://hooks.example.com/fax-in")), """{"receive_fax":{"status_url":"https://hooks.example.com/fax-in"}}""" },
        { "receive_fax bare", s => s.ReceiveFax(), """{"receive_fax":{}}""" },
        { "user_event", s => s.UserEvent(new JsonObject { ["type"] = "call_update", ["status"] = "connected" }), """{"user_event":{"event":{"type":"call_update","status":"connected"}}}""" },
        { "ai_sidecar", s => s.AiSidecar("Coach the agent on tone.", "en-US", new AiSidecarOptions { Model = "gpt-4.1-mini", CustomerRole = SidecarLeg.RemoteCaller, Url = new Uri("https://hooks.example.com/sidecar"), Hints = ["refund"], Params = new JsonObject { ["idle_timeout_ms"] = 30000 } }),
            """{"ai_sidecar":{"prompt":"Coach the agent on tone.","lang":"en-US","model":"gpt-4.1-mini","direction":["remote-caller","local-caller"],"customer_role":"remote-caller","url":"https://hooks.example.com/sidecar","hints":["refund"],"params":{"idle_timeout_ms":30000}}}""" },
        { "ai_sidecar pom", s => s.AiSidecar(new JsonObject { ["file"] = "/prompts/coach.txt" }, "es-ES"),
            """{"ai_sidecar":{"prompt":{"file":"/prompts/coach.txt"},"lang":"es-ES"}}""" },
        { "amazon_bedrock", s => s.AmazonBedrock("You are a helpful receptionist.", new JsonObject { ["post_prompt_url"] = "https://hooks.example.com/summary", ["global_data"] = new JsonObject { ["tier"] = "gold" } }),
            """{"amazon_bedrock":{"post_prompt_url":"https://hooks.example.com/summary","global_data":{"tier":"gold"},"prompt":{"text":"You are a helpful receptionist."}}}""" },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Each_verb_renders_its_exact_json_and_validates(string name, Action<SwmlSection> add, string expected)
    {
        var document = new SwmlDocument();
        add(document.Main);

        Assert.Equal(expected, document.Main.Verbs[0].ToWireJson());
        SwmlSchema.AssertValid(document.ToString());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Values_the_platform_would_refuse_fail_where_they_are_written()
    {
        var main = new SwmlDocument().Main;

        Assert.Equal("digits", Assert.Throws<ArgumentException>(() => main.SendDigits("12x")).ParamName);
        Assert.Equal("play", Assert.Throws<ArgumentException>(() => main.Prompt(Array.Empty<string>())).ParamName);
        Assert.Equal("Volume", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { Volume = 41 })).ParamName);
        Assert.Equal("MaxDigits", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { MaxDigits = 0 })).ParamName);
        Assert.Equal("SpeechTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { SpeechTimeout = double.NaN })).ParamName);
        Assert.Equal("document", Assert.Throws<ArgumentException>(() => main.SendFax(new Uri("ftp://docs.example.com/a.pdf"))).ParamName);
        Assert.Equal("extra", Assert.Throws<ArgumentException>(() => main.AmazonBedrock("x", new JsonObject { ["prompt"] = "y" })).ParamName);
        Assert.Throws<ArgumentException>(() => main.AiSidecar("coach", " "));
        Assert.Empty(main.Verbs);
    }
}
