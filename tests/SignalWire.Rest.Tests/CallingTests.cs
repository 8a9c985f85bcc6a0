using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SignalWire.Agents;
using SignalWire.Agents.Calling;
using SignalWire.Agents.Swml;
using SignalWire.Rest.Calling;

namespace SignalWire.Rest.Tests;

/// <summary>The Calling API against a fake API: each command's exact request, and the call it answers with.</summary>
public sealed class CallingTests : IAsyncLifetime
{
    private const string CallResponse = """{"id":"c-1","from":"+14155550100","to":"+14155550142","direction":"outbound","status":"queued","type":"phone","created_at":"2026-11-29T10:00:00Z","charge":0.0,"region":"us-east"}""";
    private FakeApi _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await FakeApi.StartAsync(app => app.MapPost("/api/calling/calls", () => Results.Text(CallResponse, "application/json")));

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private RecordedRequest Last() => _api.Server.RequestsTo("/api/calling/calls")[^1];

    [Fact]
    public async Task Dialling_with_a_swml_document_posts_the_dial_command_with_the_project_credentials()
    {
        var swml = new SwmlDocument();
        swml.Main.Play("say:Hello from .NET");
        var call = await _api.Client.Calling.DialAsync(DialRequest.WithSwml("+14155550100", "+14155550142", swml) with { StatusUrl = new Uri("https://example.com/status"), StatusEvents = ["answered", "ended"] }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"command":"dial","params":{"from":"+14155550100","to":"+14155550142","status_url":"https://example.com/status","status_events":["answered","ended"],"swml":{"version":"1.0.0","sections":{"main":[{"play":{"url":"say:Hello from .NET"}}]}}}}""", Last().Body);
        Assert.Equal((FakeApi.Basic, "application/json"), (Last().Header("Authorization"), Last().Header("Accept")));
        Assert.Equal(("c-1", "queued", "outbound", new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)), (call.Id, call.Status, call.Direction, call.CreatedAt));
        Assert.Equal("""{"region":"us-east"}""", call.Extra!.ToJsonString());
    }

    [Fact]
    public async Task Dialling_an_agent_gives_the_platform_its_address_with_its_credentials_and_never_prints_them()
    {
        var agent = new AgentBase(new AgentOptions { Name = "sales", Route = "/sales", BasicAuthUser = "agent", BasicAuthPassword = "s3cret-password-for-the-agent-0001", SwaigSecret = "secret-0123456789abcdef" });
        var request = DialRequest.ToAgent("+14155550100", "sip:alice@example.com", agent, new Uri("https://agents.example.com"));

        await _api.Client.Calling.DialAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("""{"command":"dial","params":{"from":"+14155550100","to":"sip:alice@example.com","url":"https://agent:s3cret-password-for-the-agent-0001@agents.example.com/sales/"}}""", Last().Body);
        Assert.DoesNotContain("s3cret", request.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://***:***@agents.example.com/sales/", request.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Commands() => new()
    {
        { "end", """{"command":"calling.end","params":{"reason":"busy"},"id":"c-1"}""" },
        { "transfer", """{"command":"calling.transfer","params":{"dest":"https://example.com/next.json"},"id":"c-1"}""" },
        { "disconnect", """{"command":"calling.disconnect","params":{},"id":"c-1"}""" },
        { "ai_message", """{"command":"calling.ai_message","params":{"role":"system","message_text":"The caller is a VIP.","global_data":{"tier":"gold"}},"id":"c-1"}""" },
        { "ai_hold", """{"command":"calling.ai_hold","params":{"prompt":"Please hold.","timeout":60},"id":"c-1"}""" },
        { "ai_unhold", """{"command":"calling.ai_unhold","params":{"prompt":"Thanks for waiting."},"id":"c-1"}""" },
        { "ai_stop", """{"command":"calling.ai.stop","params":{},"id":"c-1"}""" },
        { "user_event", """{"command":"calling.user_event","params":{"event":{"kind":"score","value":3}},"id":"c-1"}""" },
        { "play", """{"command":"calling.play","params":{"control_id":"p1","play":[{"type":"tts","params":{"text":"Hi","language":"en-US"}},{"type":"silence","params":{"duration":1.5}},{"type":"audio","params":{"url":"https://example.com/a.mp3"}},{"type":"ringtone","params":{"name":"us","duration":3}}],"volume":-3,"loop":2},"id":"c-1"}""" },
        { "play_volume", """{"command":"calling.play.volume","params":{"control_id":"p1","volume":6},"id":"c-1"}""" },
        { "play_pause", """{"command":"calling.play.pause","params":{"control_id":"p1"},"id":"c-1"}""" },
        { "play_resume", """{"command":"calling.play.resume","params":{"control_id":"p1"},"id":"c-1"}""" },
        { "play_stop", """{"command":"calling.play.stop","params":{"control_id":"p1"},"id":"c-1"}""" },
        { "record", """{"command":"calling.record","params":{"control_id":"r1","audio":{"format":"mp3","beep":true}},"id":"c-1"}""" },
        { "record_pause", """{"command":"calling.record.pause","params":{"control_id":"r1"},"id":"c-1"}""" },
        { "record_resume", """{"command":"calling.record.resume","params":{"control_id":"r1"},"id":"c-1"}""" },
        { "record_stop", """{"command":"calling.record.stop","params":{"control_id":"r1"},"id":"c-1"}""" },
        { "collect", """{"command":"calling.collect","params":{"control_id":"k1","digits":{"max":4,"terminators":"#"},"initial_timeout":5,"partial_results":true},"id":"c-1"}""" },
        { "collect_stop", """{"command":"calling.collect.stop","params":{"control_id":"k1"},"id":"c-1"}""" },
        { "collect_timers", """{"command":"calling.collect.start_input_timers","params":{"control_id":"k1"},"id":"c-1"}""" },
        { "detect", """{"command":"calling.detect","params":{"detect":{"type":"machine","params":{}},"timeout":30},"id":"c-1"}""" },
        { "detect_stop", """{"command":"calling.detect.stop","params":{"control_id":"d1"},"id":"c-1"}""" },
        { "tap", """{"command":"calling.tap","params":{"control_id":"t1","tap":{"type":"audio","params":{"direction":"both"}},"device":{"type":"ws","params":{"uri":"wss://example.com/tap"}}},"id":"c-1"}""" },
        { "tap_stop", """{"command":"calling.tap.stop","params":{"control_id":"t1"},"id":"c-1"}""" },
        { "stream", """{"command":"calling.stream","params":{"url":"wss://example.com/stream","track":"both_tracks"},"id":"c-1"}""" },
        { "stream_stop", """{"command":"calling.stream.stop","params":{"control_id":"s1"},"id":"c-1"}""" },
        { "transcribe", """{"command":"calling.transcribe","params":{"status_url":"https://example.com/t"},"id":"c-1"}""" },
        { "transcribe_stop", """{"command":"calling.transcribe.stop","params":{"control_id":"x1"},"id":"c-1"}""" },
        { "live_transcribe", """{"command":"calling.live_transcribe","params":{"action":{"start":{"lang":"en"}}},"id":"c-1"}""" },
        { "live_translate", """{"command":"calling.live_translate","params":{"action":{"start":{"from_lang":"en","to_lang":"es"}}},"id":"c-1"}""" },
        { "denoise", """{"command":"calling.denoise","params":{},"id":"c-1"}""" },
        { "denoise_stop", """{"command":"calling.denoise.stop","params":{},"id":"c-1"}""" },
        { "refer", """{"command":"calling.refer","params":{"device":{"type":"sip","params":{"to":"sip:bob@example.com"}}},"id":"c-1"}""" },
        { "send_fax_stop", """{"command":"calling.send_fax.stop","params":{"control_id":"f1"},"id":"c-1"}""" },
        { "receive_fax_stop", """{"command":"calling.receive_fax.stop","params":{"control_id":"f2"},"id":"c-1"}""" },
        { "update", """{"command":"update","params":{"id":"c-1","url":"https://example.com/next.json"}}""" },
        { "generic", """{"command":"calling.future_thing","params":{"x":1},"id":"c-1"}""" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_call_command_sends_its_exact_request(string command, string expected)
    {
        var calling = _api.Client.Calling;
        var ct = TestContext.Current.CancellationToken;
        var call = await (command switch
        {
            "end" => calling.EndAsync("c-1", "busy", ct),
            "transfer" => calling.TransferAsync("c-1", "https://example.com/next.json", ct),
            "disconnect" => calling.DisconnectAsync("c-1", ct),
            "ai_message" => calling.AiMessageAsync("c-1", "The caller is a VIP.", globalData: new JsonObject { ["tier"] = "gold" }, cancellationToken: ct),
            "ai_hold" => calling.AiHoldAsync("c-1", TimeSpan.FromMinutes(1), "Please hold.", ct),
            "ai_unhold" => calling.AiUnholdAsync("c-1", "Thanks for waiting.", ct),
            "ai_stop" => calling.AiStopAsync("c-1", ct),
            "user_event" => calling.UserEventAsync("c-1", new JsonObject { ["kind"] = "score", ["value"] = 3 }, ct),
            "play" => calling.PlayAsync("c-1", [CallMedia.Tts("Hi", "en-US"), CallMedia.Silence(TimeSpan.FromSeconds(1.5)), CallMedia.Audio(new Uri("https://example.com/a.mp3")), CallMedia.Ringtone("us", TimeSpan.FromSeconds(3))], "p1", volume: -3, loop: 2, cancellationToken: ct),
            "play_volume" => calling.PlayVolumeAsync("c-1", "p1", 6, ct),
            "play_pause" => calling.PlayPauseAsync("c-1", "p1", ct),
            "play_resume" => calling.PlayResumeAsync("c-1", "p1", ct),
            "play_stop" => calling.PlayStopAsync("c-1", "p1", ct),
            "record" => calling.RecordAsync("c-1", new JsonObject { ["format"] = "mp3", ["beep"] = true }, "r1", cancellationToken: ct),
            "record_pause" => calling.RecordPauseAsync("c-1", "r1", ct),
            "record_resume" => calling.RecordResumeAsync("c-1", "r1", ct),
            "record_stop" => calling.RecordStopAsync("c-1", "r1", ct),
            "collect" => calling.CollectAsync("c-1", new JsonObject { ["max"] = 4, ["terminators"] = "#" }, controlId: "k1", initialTimeout: 5, partialResults: true, cancellationToken: ct),
            "collect_stop" => calling.CollectStopAsync("c-1", "k1", ct),
            "collect_timers" => calling.CollectStartInputTimersAsync("c-1", "k1", ct),
            "detect" => calling.DetectAsync("c-1", new JsonObject { ["type"] = "machine", ["params"] = new JsonObject() }, timeout: 30, cancellationToken: ct),
            "detect_stop" => calling.DetectStopAsync("c-1", "d1", ct),
            "tap" => calling.TapAsync("c-1", new JsonObject { ["type"] = "audio", ["params"] = new JsonObject { ["direction"] = "both" } }, new JsonObject { ["type"] = "ws", ["params"] = new JsonObject { ["uri"] = "wss://example.com/tap" } }, "t1", ct),
            "tap_stop" => calling.TapStopAsync("c-1", "t1", ct),
            "stream" => calling.StreamAsync("c-1", new Uri("wss://example.com/stream"), track: "both_tracks", cancellationToken: ct),
            "stream_stop" => calling.StreamStopAsync("c-1", "s1", ct),
            "transcribe" => calling.TranscribeAsync("c-1", statusUrl: new Uri("https://example.com/t"), cancellationToken: ct),
            "transcribe_stop" => calling.TranscribeStopAsync("c-1", "x1", ct),
            "live_transcribe" => calling.LiveTranscribeAsync("c-1", new JsonObject { ["start"] = new JsonObject { ["lang"] = "en" } }, ct),
            "live_translate" => calling.LiveTranslateAsync("c-1", new JsonObject { ["start"] = new JsonObject { ["from_lang"] = "en", ["to_lang"] = "es" } }, cancellationToken: ct),
            "denoise" => calling.DenoiseAsync("c-1", ct),
            "denoise_stop" => calling.DenoiseStopAsync("c-1", ct),
            "refer" => calling.ReferAsync("c-1", new JsonObject { ["type"] = "sip", ["params"] = new JsonObject { ["to"] = "sip:bob@example.com" } }, cancellationToken: ct),
            "send_fax_stop" => calling.SendFaxStopAsync("c-1", "f1", ct),
            "receive_fax_stop" => calling.ReceiveFaxStopAsync("c-1", "f2", ct),
            "update" => calling.UpdateAsync("c-1", url: new Uri("https://example.com/next.json"), cancellationToken: ct),
            "generic" => calling.CommandAsync("c-1", "calling.future_thing", new JsonObject { ["x"] = 1 }, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        });

        Assert.Equal(expected, Last().Body);
        Assert.Equal(("POST", FakeApi.Basic), (Last().Method, Last().Header("Authorization")));
        Assert.Equal("c-1", call.Id);
    }

    [Fact]
    public async Task Bad_arguments_fail_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.Calling.CollectAsync("c-1", cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.Calling.PlayStopAsync("c-1", " ", TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => DialRequest.WithSwml("+14155550100", "+14155550142", """{"version":"1.0.0"}"""));
        Assert.Throws<ArgumentException>(() => DialRequest.WithUrl("+14155550100", "+14155550142", new Uri("file:///etc/passwd")));
        Assert.Empty(_api.Server.Requests);
    }
}
