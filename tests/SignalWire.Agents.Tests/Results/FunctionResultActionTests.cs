using System.Text.Json.Nodes;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Results;

/// <summary>One golden test per action (wire JSON from the agents wire spec, section 4).</summary>
public sealed class FunctionResultActionTests
{
    private static string Action(FunctionResult result) => result.ToJson();

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Action_serializes_exactly(string name, Func<FunctionResult> build, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, Action(build()));
    }

    public static TheoryData<string, Func<FunctionResult>, string> Goldens => new()
    {
        { "change_step", () => new FunctionResult("r").ChangeStep("confirm"), """{"response":"r","action":[{"change_step":"confirm"}]}""" },
        { "change_context", () => new FunctionResult("r").ChangeContext("billing"), """{"response":"r","action":[{"change_context":"billing"}]}""" },
        { "hold with prompt", () => new FunctionResult().Hold(120, "Tell the caller you are placing them on hold."), """{"response":{"tool_result":"status: on hold","tool_prompt":"Tell the caller you are placing them on hold."},"action":[{"hold":120}],"post_process":true}""" },
        { "hold clamps low", () => new FunctionResult("r").Hold(-50), """{"response":"r","action":[{"hold":0}]}""" },
        { "hold clamps high", () => new FunctionResult("r").Hold(1500), """{"response":"r","action":[{"hold":900}]}""" },
        { "hold with steps", () => new FunctionResult("r").Hold(60, step: "waiting", timeoutStep: "gave_up"), """{"response":"r","action":[{"hold":{"timeout":60,"step":"waiting","timeout_step":"gave_up"}}]}""" },
        { "wait_for_user default", () => new FunctionResult("r").WaitForUser(), """{"response":"r","action":[{"wait_for_user":true}]}""" },
        { "wait_for_user disabled", () => new FunctionResult("r").WaitForUser(enabled: false), """{"response":"r","action":[{"wait_for_user":false}]}""" },
        { "wait_for_user timeout", () => new FunctionResult("r").WaitForUser(enabled: false, timeout: 30), """{"response":"r","action":[{"wait_for_user":30}]}""" },
        { "wait_for_user answer_first", () => new FunctionResult("r").WaitForUser(timeout: 30, answerFirst: true), """{"response":"r","action":[{"wait_for_user":"answer_first"}]}""" },
        { "playback_bg", () => new FunctionResult("r").PlayBackgroundFile("https://example.com/music.mp3"), """{"response":"r","action":[{"playback_bg":"https://example.com/music.mp3"}]}""" },
        { "playback_bg wait", () => new FunctionResult("r").PlayBackgroundFile("a.mp3", wait: true), """{"response":"r","action":[{"playback_bg":{"file":"a.mp3","wait":true}}]}""" },
        { "stop_playback_bg", () => new FunctionResult("r").StopBackgroundFile(), """{"response":"r","action":[{"stop_playback_bg":true}]}""" },
        { "add_dynamic_hints", () => new FunctionResult("r").AddDynamicHints("Acme", "SignalWire"), """{"response":"r","action":[{"add_dynamic_hints":["Acme","SignalWire"]}]}""" },
        { "add_dynamic_hints pattern", () => new FunctionResult("r").AddDynamicPatternHint("cab", "cabernet", ignoreCase: true), """{"response":"r","action":[{"add_dynamic_hints":[{"pattern":"cab","replace":"cabernet","ignore_case":true}]}]}""" },
        { "clear_dynamic_hints", () => new FunctionResult("r").ClearDynamicHints(), """{"response":"r","action":[{"clear_dynamic_hints":{}}]}""" },
        { "end_of_speech_timeout", () => new FunctionResult("r").SetEndOfSpeechTimeout(700), """{"response":"r","action":[{"end_of_speech_timeout":700}]}""" },
        { "speech_event_timeout", () => new FunctionResult("r").SetSpeechEventTimeout(5000), """{"response":"r","action":[{"speech_event_timeout":5000}]}""" },
        { "functions_on_speaker_timeout", () => new FunctionResult("r").EnableFunctionsOnTimeout(), """{"response":"r","action":[{"functions_on_speaker_timeout":true}]}""" },
        { "extensive_data", () => new FunctionResult("r").EnableExtensiveData(false), """{"response":"r","action":[{"extensive_data":false}]}""" },
        { "replace_in_history text", () => new FunctionResult("r").ReplaceInHistory("Checked the balance."), """{"response":"r","action":[{"replace_in_history":"Checked the balance."}]}""" },
        { "replace_in_history bool", () => new FunctionResult("r").ReplaceInHistory(), """{"response":"r","action":[{"replace_in_history":true}]}""" },
        { "settings", () => new FunctionResult("r").UpdateSettings(new JsonObject { ["temperature"] = 0.5, ["max-tokens"] = 256 }), """{"response":"r","action":[{"settings":{"temperature":0.5,"max-tokens":256}}]}""" },
        { "context_switch text", () => new FunctionResult("r").SwitchContext("You are now a billing agent."), """{"response":"r","action":[{"context_switch":"You are now a billing agent."}]}""" },
        { "context_switch object", () => new FunctionResult("r").SwitchContext("sys", "user", consolidate: true, fullReset: true), """{"response":"r","action":[{"context_switch":{"system_prompt":"sys","user_prompt":"user","consolidate":true,"full_reset":true}}]}""" },
        { "context_switch empty", () => new FunctionResult("r").SwitchContext(), """{"response":"r","action":[{"context_switch":{}}]}""" },
        { "user_input", () => new FunctionResult("r").SimulateUserInput("yes"), """{"response":"r","action":[{"user_input":"yes"}]}""" },
        { "execute_swml", () => new FunctionResult("r").ExecuteSwml(new JsonObject { ["version"] = "1.0.0", ["sections"] = new JsonObject { ["main"] = new JsonArray(new JsonObject { ["hangup"] = new JsonObject() }) } }), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"hangup":{}}]}}}]}""" },
        { "execute_swml transfer", () => new FunctionResult("r").ExecuteSwml("""{"version":"1.0.0","sections":{"main":[]}}""", transfer: true), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[]}},"transfer":"true"}]}""" },
        { "execute_swml raw", () => new FunctionResult("r").ExecuteSwml("not json"), """{"response":"r","action":[{"SWML":{"raw_swml":"not json"}}]}""" },
        { "user_event", () => new FunctionResult("r").SwmlUserEvent(new JsonObject { ["type"] = "cart", ["items"] = 2 }), """{"response":"r","action":[{"SWML":{"sections":{"main":[{"user_event":{"event":{"type":"cart","items":2}}}]},"version":"1.0.0"}}]}""" },
        { "send_sms", () => new FunctionResult("r").SendSms("+15551110000", "+15552220000", "Your code is 1234"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"send_sms":{"to_number":"+15551110000","from_number":"+15552220000","body":"Your code is 1234"}}]}}}]}""" },
        { "send_sms media", () => new FunctionResult("r").SendSms("+1", "+2", media: ["https://example.com/a.png"], tags: ["promo"], region: "us"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"send_sms":{"to_number":"+1","from_number":"+2","media":["https://example.com/a.png"],"tags":["promo"],"region":"us"}}]}}}]}""" },
        { "record_call", () => new FunctionResult("r").RecordCall(), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"record_call":{"stereo":false,"format":"wav","direction":"both","beep":false,"input_sensitivity":44}}]}}}]}""" },
        { "record_call options", () => new FunctionResult("r").RecordCall("rec1", stereo: true, format: "mp3", direction: "speak", terminators: "#", beep: true, maxLength: 600, statusUrl: "https://example.com/s"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"record_call":{"stereo":true,"format":"mp3","direction":"speak","beep":true,"input_sensitivity":44,"control_id":"rec1","terminators":"#","max_length":600,"status_url":"https://example.com/s"}}]}}}]}""" },
        { "stop_record_call", () => new FunctionResult("r").StopRecordCall(), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"stop_record_call":{}}]}}}]}""" },
        { "stop_record_call id", () => new FunctionResult("r").StopRecordCall("rec1"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"stop_record_call":{"control_id":"rec1"}}]}}}]}""" },
        { "join_room", () => new FunctionResult("r").JoinRoom("support"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"join_room":{"name":"support"}}]}}}]}""" },
        { "sip_refer", () => new FunctionResult("r").SipRefer("sip:desk@example.com"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"sip_refer":{"to_uri":"sip:desk@example.com"}}]}}}]}""" },
        { "tap", () => new FunctionResult("r").Tap("wss://example.com/tap"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"tap":{"uri":"wss://example.com/tap","direction":"both"}}]}}}]}""" },
        { "tap options", () => new FunctionResult("r").Tap("rtp://10.0.0.1:5000", "t1", "listen", "PCMA", 30, "https://example.com/s"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"tap":{"uri":"rtp://10.0.0.1:5000","control_id":"t1","direction":"listen","codec":"PCMA","rtp_ptime":30,"status_url":"https://example.com/s"}}]}}}]}""" },
        { "stop_tap", () => new FunctionResult("r").StopTap("t1"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"stop_tap":{"control_id":"t1"}}]}}}]}""" },
        { "execute_rpc", () => new FunctionResult("r").ExecuteRpc("custom", new JsonObject { ["a"] = 1 }, "c1", "n1"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"execute_rpc":{"method":"custom","call_id":"c1","node_id":"n1","params":{"a":1}}}]}}}]}""" },
        { "rpc_dial", () => new FunctionResult("r").RpcDial("+1", "+2", "https://example.com/swml"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"execute_rpc":{"method":"dial","params":{"devices":{"type":"phone","params":{"to_number":"+1","from_number":"+2"}},"dest_swml":"https://example.com/swml"}}}]}}}]}""" },
        { "rpc_ai_message", () => new FunctionResult("r").RpcAiMessage("c1", "The supervisor joined."), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"execute_rpc":{"method":"ai_message","call_id":"c1","params":{"role":"system","message_text":"The supervisor joined."}}}]}}}]}""" },
        { "rpc_ai_global_data", () => new FunctionResult("r").RpcAiGlobalData("c1", new JsonObject { ["vip"] = true }), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"execute_rpc":{"method":"ai_message","call_id":"c1","params":{"global_data":{"vip":true}}}}]}}}]}""" },
        { "rpc_ai_unhold", () => new FunctionResult("r").RpcAiUnhold("c1"), """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"execute_rpc":{"method":"ai_unhold","call_id":"c1"}}]}}}]}""" },
        { "tool response", () => new FunctionResult("ignored").SetToolResponse("42", "Say the number slowly."), """{"response":{"tool_result":"42","tool_prompt":"Say the number slowly."}}""" },
    };

    [Fact]
    public void Swml_carried_by_actions_is_exact_and_validates_against_the_schema()
    {
        var cases = new (FunctionResult Result, string Swml)[]
        {
            (new FunctionResult().Connect("+15551234567"), """{"sections":{"main":[{"connect":{"to":"+15551234567"}}]},"version":"1.0.0"}"""),
            (new FunctionResult().SwmlTransfer("https://example.com/next", "Welcome back"), """{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"Welcome back"}},{"transfer":{"dest":"https://example.com/next"}}]}}"""),
            (new FunctionResult().SwmlUserEvent(new JsonObject { ["type"] = "x" }), """{"sections":{"main":[{"user_event":{"event":{"type":"x"}}}]},"version":"1.0.0"}"""),
            (new FunctionResult().SendSms("+15551110000", "+15552220000", "hi"), """{"version":"1.0.0","sections":{"main":[{"send_sms":{"to_number":"+15551110000","from_number":"+15552220000","body":"hi"}}]}}"""),
            (new FunctionResult().RecordCall("r1", stereo: true, format: "mp3"), """{"version":"1.0.0","sections":{"main":[{"record_call":{"stereo":true,"format":"mp3","direction":"both","beep":false,"input_sensitivity":44,"control_id":"r1"}}]}}"""),
            (new FunctionResult().StopRecordCall("r1"), """{"version":"1.0.0","sections":{"main":[{"stop_record_call":{"control_id":"r1"}}]}}"""),
            (new FunctionResult().JoinRoom("room"), """{"version":"1.0.0","sections":{"main":[{"join_room":{"name":"room"}}]}}"""),
            (new FunctionResult().SipRefer("sip:a@example.com"), """{"version":"1.0.0","sections":{"main":[{"sip_refer":{"to_uri":"sip:a@example.com"}}]}}"""),
            (new FunctionResult().Tap("wss://example.com/tap", "t1", "speak", "PCMA", 40), """{"version":"1.0.0","sections":{"main":[{"tap":{"uri":"wss://example.com/tap","control_id":"t1","direction":"speak","codec":"PCMA","rtp_ptime":40}}]}}"""),
            (new FunctionResult().StopTap(), """{"version":"1.0.0","sections":{"main":[{"stop_tap":{}}]}}"""),
        };

        foreach (var (result, swml) in cases)
        {
            Assert.Equal(swml, result.Actions[0]["SWML"]!.ToWireJson());
            SwmlSchema.AssertValid(swml);
        }
    }

    [Fact]
    public void Invalid_action_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FunctionResult().Tap("wss://x", direction: "hear"));
        Assert.Throws<ArgumentException>(() => new FunctionResult().Tap("wss://x", codec: "G729"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunctionResult().Tap("wss://x", rtpPtime: 0));
        Assert.Throws<ArgumentException>(() => new FunctionResult().RecordCall(format: "ogg"));
        Assert.Throws<ArgumentException>(() => new FunctionResult().RecordCall(direction: "up"));
        Assert.Throws<ArgumentException>(() => new FunctionResult().SendSms("+1", "+2"));
        Assert.Throws<ArgumentException>(() => new FunctionResult().RpcAiMessage("c1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunctionResult().SetEndOfSpeechTimeout(0));
    }

    [Fact]
    public void Execute_swml_does_not_keep_a_reference_to_the_callers_document()
    {
        var document = new JsonObject { ["version"] = "1.0.0", ["sections"] = new JsonObject { ["main"] = new JsonArray() } };
        var result = new FunctionResult("r").ExecuteSwml(document);
        document["version"] = "2.0.0";
        Assert.Contains("\"version\":\"1.0.0\"", result.ToJson(), StringComparison.Ordinal);
    }
}
