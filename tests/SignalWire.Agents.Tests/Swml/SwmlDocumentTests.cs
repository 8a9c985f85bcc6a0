using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Swml;

public sealed class SwmlDocumentTests
{
    public static TheoryData<string, Action<SwmlSection>, string> Verbs() => new()
    {
        { "answer", s => s.Answer(maxDuration: 3600, codecs: "PCMU,OPUS"), """{"answer":{"max_duration":3600,"codecs":"PCMU,OPUS"}}""" },
        { "hangup", s => s.Hangup(HangupReason.Busy), """{"hangup":{"reason":"busy"}}""" },
        { "play", s => s.Play("https://cdn.example.com/welcome.mp3", volume: 5), """{"play":{"url":"https://cdn.example.com/welcome.mp3","volume":5}}""" },
        { "play urls", s => s.Play(["ring:us", "silence:2"]), """{"play":{"urls":["ring:us","silence:2"]}}""" },
        { "say", s => s.Say("Welcome!", voice: "en-US-Neural2-A", language: "en-US"), """{"play":{"url":"say:Welcome!","say_voice":"en-US-Neural2-A","say_language":"en-US"}}""" },
        { "connect", s => s.Connect("+15551230000", from: "+15559870000", timeout: 20, answerOnBridge: true), """{"connect":{"to":"+15551230000","from":"+15559870000","timeout":20,"answer_on_bridge":true}}""" },
        { "record", s => s.Record(new RecordOptions { Format = "mp3", Beep = true, EndSilenceTimeout = 3, Terminators = "#" }), """{"record":{"format":"mp3","terminators":"#","beep":true,"end_silence_timeout":3}}""" },
        { "record_call", s => s.RecordCall(new RecordOptions { Stereo = true, Format = "wav", Direction = AudioDirection.Both }, controlId: "rec-1"), """{"record_call":{"control_id":"rec-1","stereo":true,"format":"wav","direction":"both"}}""" },
        { "stop_record_call", s => s.StopRecordCall("rec-1"), """{"stop_record_call":{"control_id":"rec-1"}}""" },
        { "sip_refer", s => s.SipRefer("sip:desk@example.com"), """{"sip_refer":{"to_uri":"sip:desk@example.com"}}""" },
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
        { "transfer", s => s.Transfer("https://example.com/next.json", new JsonObject { ["from"] = "ivr" }), """{"transfer":{"dest":"https://example.com/next.json","params":{"from":"ivr"}}}""" },
        { "execute", s => s.Execute("sales", new JsonObject { ["tier"] = "gold" }), """{"execute":{"dest":"sales","params":{"tier":"gold"}}}""" },
        { "return", s => s.Return(new JsonObject { ["status"] = "done" }), """{"return":{"status":"done"}}""" },
        { "sleep", s => s.Sleep(1500), """{"sleep":1500}""" },
        { "set", s => s.Set(new JsonObject { ["attempts"] = 0 }), """{"set":{"attempts":0}}""" },
        { "unset one", s => s.Unset("attempts"), """{"unset":"attempts"}""" },
        { "unset many", s => s.Unset("a", "b"), """{"unset":["a","b"]}""" },
        { "switch", s => s.Switch("vars.lang", c => c.Case("es", b => b.Say("Hola")).Default(b => b.Say("Hello"))), """{"switch":{"variable":"vars.lang","case":{"es":[{"play":{"url":"say:Hola"}}]},"default":[{"play":{"url":"say:Hello"}}]}}""" },
        { "cond", s => s.Cond(c => c.When("vars.attempts < 3", b => b.Goto("menu")).Else(b => b.Hangup())), """{"cond":[{"when":"vars.attempts < 3","then":[{"goto":{"label":"menu"}}]},{"else":[{"hangup":{}}]}]}""" },
        { "label", s => s.Label("menu"), """{"label":"menu"}""" },
        { "goto", s => s.Goto("menu", when: "vars.retry", max: 3), """{"goto":{"label":"menu","when":"vars.retry","max":3}}""" },
        { "request", s => s.Request(new Uri("https://api.example.com/lookup"), HttpMethod.Post, new Dictionary<string, string> { ["X-Key"] = "v" }, new JsonObject { ["n"] = "%{call.from}" }, saveVariables: true, timeout: 5), """{"request":{"url":"https://api.example.com/lookup","method":"POST","headers":{"X-Key":"v"},"body":{"n":"%{call.from}"},"timeout":5,"save_variables":true}}""" },
        { "tap", s => s.Tap(new Uri("wss://tap.example.com/stream"), controlId: "t1", direction: AudioDirection.Listen, codec: "PCMA"), """{"tap":{"uri":"wss://tap.example.com/stream","control_id":"t1","direction":"listen","codec":"PCMA"}}""" },
        { "stop_tap", s => s.StopTap("t1"), """{"stop_tap":{"control_id":"t1"}}""" },
        { "send_sms", s => s.SendSms("+15551230000", "+15559870000", "Your code is 1234"), """{"send_sms":{"to_number":"+15551230000","from_number":"+15559870000","body":"Your code is 1234"}}""" },
        { "send_mms", s => s.SendSms("+15551230000", "+15559870000", media: [new Uri("https://cdn.example.com/a.png")]), """{"send_sms":{"to_number":"+15551230000","from_number":"+15559870000","media":["https://cdn.example.com/a.png"]}}""" },
        { "join_room", s => s.JoinRoom("support-room"), """{"join_room":{"name":"support-room"}}""" },
        { "join_conference", s => s.JoinConference("team", new ConferenceOptions { Muted = true }), """{"join_conference":{"name":"team","muted":true}}""" },
        { "denoise", s => s.Denoise().StopDenoise(), """{"denoise":{}}""" },
        { "detect_machine", s => s.DetectMachine(detectors: "amd", wait: true, timeout: 30), """{"detect_machine":{"detectors":"amd","wait":true,"timeout":30}}""" },
        { "live_transcribe", s => s.LiveTranscribe(JsonValue.Create("stop")), """{"live_transcribe":{"action":"stop"}}""" },
        { "live_translate", s => s.LiveTranslate(JsonValue.Create("stop")), """{"live_translate":{"action":"stop"}}""" },
        { "enter_queue", s => s.EnterQueue("support", "thanks", waitTimeSeconds: 300), """{"enter_queue":{"queue_name":"support","transfer_after_bridge":"thanks","wait_time":300}}""" },
        { "generic", s => s.Verb("send_digits", new JsonObject { ["digits"] = "1234#" }), """{"send_digits":{"digits":"1234#"}}""" },
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
    public void A_document_has_version_and_sections_in_creation_order()
    {
        var document = new SwmlDocument();
        document.Main.Answer().Say("Press 1 for sales").Transfer("sales");
        document.Section("sales").Connect("+15551230000");
        document.Section("sales").Hangup();

        Assert.Equal(
            """{"version":"1.0.0","sections":{"main":[{"answer":{}},{"play":{"url":"say:Press 1 for sales"}},{"transfer":{"dest":"sales"}}],"sales":[{"connect":{"to":"+15551230000"}},{"hangup":{}}]}}""",
            document.ToString());
        SwmlSchema.AssertValid(document.ToString());
        Assert.Equal(["main", "sales"], document.Sections.Select(s => s.Name));
    }

    [Fact]
    public void Bad_verbs_and_values_fail_where_they_are_written()
    {
        var main = new SwmlDocument().Main;

        Assert.StartsWith("'dance' is not a SWML verb.", Assert.Throws<ArgumentException>(() => main.Verb("dance", null)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => main.Sleep(-2));
        Assert.Throws<ArgumentOutOfRangeException>(() => main.Answer(maxDuration: 0));
        Assert.Throws<ArgumentException>(() => main.Tap(new Uri("https://example.com")));
        Assert.Throws<ArgumentException>(() => main.SendSms("+1", "+2"));
        Assert.Throws<ArgumentException>(() => main.Request(new Uri("https://x.example"), HttpMethod.Patch));
        Assert.Throws<ArgumentException>(() => main.Record(new RecordOptions { Format = "ogg" }));
        Assert.Throws<InvalidOperationException>(() => main.Switch("v", _ => { }));
        Assert.Throws<InvalidOperationException>(() => main.Cond(c => c.Else(b => b.Hangup()).When("x", b => b.Hangup())));
        Assert.Empty(main.Verbs);
    }

    [Fact]
    public void Clones_are_independent()
    {
        var document = new SwmlDocument();
        document.Main.Answer();
        var copy = document.Clone();

        copy.Main.Hangup();
        copy.Section("extra").Hangup();

        Assert.Single(document.Main.Verbs);
        Assert.Single(document.Sections);
        Assert.Equal(2, copy.Main.Verbs.Count);
    }
}
