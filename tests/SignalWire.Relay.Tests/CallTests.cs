using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Calling;
using SignalWire.Agents.Testing;
using SignalWire.Relay.Calling;

namespace SignalWire.Relay.Tests;

/// <summary>Calls over the fake server: the inbound IVR flow, actions and their events, dialling, AI, messaging.</summary>
public sealed class CallTests : IAsyncLifetime
{
    private RelayTest _test = null!;
    private readonly TaskCompletionSource<RelayCall> _inbound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask InitializeAsync()
    {
        _test = await RelayTest.StartAsync();
        _test.Client.OnCall("office", call =>
        {
            _inbound.SetResult(call);
            return Task.CompletedTask;
        });
        await _test.Client.ConnectAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    private async Task<RelayCall> InboundAsync(string callId = "call-1")
    {
        var received = await _test.Server.SendEventAsync("calling.call.receive", Calls.Inbound(callId));
        var call = await _inbound.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await ConnectionTests.WaitUntil(() => _test.Server.Acknowledged(received));
        return call;
    }

    private Task<string> Event(string type, JsonObject data) => _test.Server.SendEventAsync(type, data);

    [Fact]
    public async Task An_inbound_call_is_answered_prompted_and_its_digit_collected()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();
        Assert.Equal(("call-1", "office", "+14155550123", "+14155550100", CallState.Created), (call.Id, call.Context, call.From, call.To, call.State));

        await call.AnswerAsync(ct);
        await Event("calling.call.state", Calls.State("call-1", "answered"));
        var collect = await call.PlayAndCollectAsync([CallMedia.Tts("Press 1 for sales, 2 for support.")], new JsonObject { ["max"] = 1, ["digit_timeout"] = 5 }, initialTimeout: 10, cancellationToken: ct);
        var request = await _test.Server.WaitForAsync("calling.play_and_collect");
        var controlId = request["control_id"]!.GetValue<string>();
        await Event("calling.call.play", new JsonObject { ["call_id"] = "call-1", ["control_id"] = controlId, ["state"] = "finished" });
        await Task.Delay(100, ct);
        Assert.False(collect.IsDone);
        await Event("calling.call.collect", new JsonObject { ["call_id"] = "call-1", ["control_id"] = controlId, ["result"] = new JsonObject { ["type"] = "digit", ["params"] = new JsonObject { ["digits"] = "2", ["terminator"] = "#" } } });
        var result = await collect.ResultAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        await call.HangupAsync(cancellationToken: ct);

        Assert.Equal(new CollectResult("digit", "2", "#", null, null), result);
        Assert.Equal(CallState.Answered, call.State);
        Assert.Equal("""{"node_id":"node-1","call_id":"call-1"}""", (await _test.Server.WaitForAsync("calling.answer")).ToWireJson());
        Assert.Equal($$$"""{"play":[{"type":"tts","params":{"text":"Press 1 for sales, 2 for support."}}],"collect":{"digits":{"max":1,"digit_timeout":5},"initial_timeout":10},"control_id":"{{{controlId}}}","node_id":"node-1","call_id":"call-1"}""", request.ToWireJson());
        Assert.Equal("""{"reason":"hangup","node_id":"node-1","call_id":"call-1"}""", (await _test.Server.WaitForAsync("calling.end")).ToWireJson());
    }

    [Fact]
    public async Task An_actions_event_may_arrive_before_the_answer_to_its_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();
        string? pendingId = null;
        _test.Server.Respond = (method, p) => method == "calling.play" ? null : FakeRelayServer.DefaultResponse(method, p);

        var starting = call.PlayAsync([CallMedia.Audio(new Uri("https://example.com/hold.mp3"))], volume: -2, cancellationToken: ct);
        var request = await _test.Server.WaitForAsync("calling.play");
        pendingId = _test.Server.Requests("calling.play")[0]["id"]!.GetValue<string>();
        await Event("calling.call.play", new JsonObject { ["call_id"] = "call-1", ["control_id"] = request["control_id"]!.DeepClone(), ["state"] = "finished" });
        await _test.Server.ReplyAsync(pendingId, new JsonObject { ["code"] = "200", ["message"] = "Playing" });
        var play = await starting.WaitAsync(TimeSpan.FromSeconds(5), ct);

        Assert.True(play.IsDone);
        Assert.Equal("finished", (await play.WaitAsync(ct)).Get("state"));
        Assert.Equal(-2, request["volume"]!.GetValue<double>());
    }

    [Fact]
    public async Task When_the_call_ends_its_pending_actions_complete_and_errors_are_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();
        var record = await call.RecordAsync(new JsonObject { ["format"] = "mp3", ["beep"] = true }, ct);
        _test.Server.Respond = (method, p) => method == "calling.transfer" ? new JsonObject { ["code"] = "409", ["message"] = "Call is not answered" } : FakeRelayServer.DefaultResponse(method, p);

        var conflict = await Assert.ThrowsAsync<RelayException>(() => call.TransferAsync("https://example.com/next.json", ct));
        await Event("calling.call.state", Calls.State("call-1", "ended", "hangup"));
        var ended = await record.WaitAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);

        Assert.Equal(("409", "calling.transfer failed: Call is not answered"), (conflict.Code, conflict.Message));
        Assert.Equal(("calling.call.state", CallState.Ended, "hangup"), (ended.EventType, call.State, call.EndReason));
        Assert.Equal("ended", (await call.WaitForEndedAsync(ct)).Get("call_state"));
        var recordRequest = await _test.Server.WaitForAsync("calling.record");
        Assert.Equal(("""{"audio":{"format":"mp3","beep":true}}""", record.ControlId), (recordRequest["record"]!.ToWireJson(), recordRequest["control_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dial_returns_the_call_once_answered_and_a_failed_one_throws()
    {
        var ct = TestContext.Current.CancellationToken;
        var dialling = _test.Client.DialAsync([[Device.Phone("+14155550142", "+14155550100", 30)], [Device.Sip("sip:desk@example.com", "sip:ivr@example.com")]], "tag-1", cancellationToken: ct);
        var request = await _test.Server.WaitForAsync("calling.dial");
        await Event("calling.call.dial", new JsonObject { ["tag"] = "tag-1", ["dial_state"] = "answered", ["call"] = new JsonObject { ["call_id"] = "out-1", ["node_id"] = "node-7", ["tag"] = "tag-1" } });
        var call = await dialling.WaitAsync(TimeSpan.FromSeconds(5), ct);

        var failing = _test.Client.DialAsync([[Device.Phone("+14155550143", "+14155550100")]], "tag-2", cancellationToken: ct);
        await _test.Server.WaitForAsync("calling.dial", 2);
        await Event("calling.call.dial", new JsonObject { ["tag"] = "tag-2", ["dial_state"] = "failed" });
        var failure = await Assert.ThrowsAsync<RelayException>(() => failing);

        Assert.Equal("""{"tag":"tag-1","devices":[[{"type":"phone","params":{"to_number":"+14155550142","from_number":"+14155550100","timeout":30}}],[{"type":"sip","params":{"to":"sip:desk@example.com","from":"sip:ivr@example.com"}}]]}""", request.ToWireJson());
        Assert.Equal(("out-1", "node-7", CallState.Answered), (call.Id, call.NodeId, call.State));
        Assert.Equal("failed", failure.Code);
        await call.HangupAsync(cancellationToken: ct);
        Assert.Equal("node-7", (await _test.Server.WaitForAsync("calling.end"))["node_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_agent_is_started_on_the_call_with_its_document_rendered_for_that_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync("call-ai");
        var agent = new AgentBase(new AgentOptions { Name = "helper", Route = "/helper", BasicAuthUser = "agent", BasicAuthPassword = "agent-password-0123456789abcdef", SwaigSecret = "secret-0123456789abcdef" })
            .PromptAddSection("Role", "You help callers.")
            .DefineTool("lookup", "Look something up", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("ok")), secure: true);

        var ai = await call.AiAsync(agent, new Uri("https://agents.example.com"), ct);
        var request = await _test.Server.WaitForAsync("calling.ai");

        Assert.Equal(ai.ControlId, request["control_id"]!.GetValue<string>());
        Assert.Equal("call-ai", request["call_id"]!.GetValue<string>());
        Assert.Contains("You help callers.", request["prompt"]!.ToWireJson(), StringComparison.Ordinal);
        var url = request["SWAIG"]!["functions"]![0]!["web_hook_url"]!.GetValue<string>();
        Assert.StartsWith("https://agent:agent-password-0123456789abcdef@agents.example.com/helper/swaig/?__token=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_are_sent_tracked_to_delivery_and_received()
    {
        var ct = TestContext.Current.CancellationToken;
        var inbound = new TaskCompletionSource<Messaging.RelayMessage>();
        _test.Client.OnMessage(m =>
        {
            inbound.SetResult(m);
            return Task.CompletedTask;
        });

        var sent = await _test.Client.SendMessageAsync("+14155550100", "+14155550142", "See you at 10:30.", context: "office", cancellationToken: ct);
        await Event("messaging.state", new JsonObject { ["message_id"] = "msg-1", ["message_state"] = "sent" });
        await Event("messaging.state", new JsonObject { ["message_id"] = "msg-1", ["message_state"] = "delivered" });
        var final = await sent.WaitForFinalStateAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        await Event("messaging.receive", new JsonObject { ["message_id"] = "msg-9", ["message_state"] = "received", ["from_number"] = "+14155550142", ["to_number"] = "+14155550100", ["body"] = "Thanks!", ["media"] = new JsonArray() });
        var received = await inbound.Task.WaitAsync(TimeSpan.FromSeconds(5), ct);

        Assert.Equal("""{"context":"office","to_number":"+14155550142","from_number":"+14155550100","body":"See you at 10:30."}""", (await _test.Server.WaitForAsync("messaging.send")).ToWireJson());
        Assert.Equal(("msg-1", "delivered"), (sent.Id, final));
        Assert.Equal(("msg-9", "inbound", "Thanks!", "+14155550142"), (received.Id, received.Direction, received.Body, received.From));
    }

    [Fact]
    public async Task Operations_send_their_exact_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();

        await call.SendDigitsAsync("1234#", ct);
        await call.AiMessageAsync("The caller is verified.", cancellationToken: ct);
        await call.AiHoldAsync(TimeSpan.FromSeconds(30), "One moment.", ct);
        await call.UserEventAsync(new JsonObject { ["step"] = "menu" }, ct);
        await call.JoinConferenceAsync("standup", new JsonObject { ["muted"] = true }, ct);
        await call.QueueEnterAsync("support", cancellationToken: ct);
        await call.BindDigitAsync("*0", "calling.transfer", new JsonObject { ["dest"] = "operator" }, maxTriggers: 1, cancellationToken: ct);
        await call.DetectAsync(new JsonObject { ["type"] = "machine", ["params"] = new JsonObject() }, 30, ct);
        await call.DenoiseAsync(ct);

        string Shape(string method) => _test.Server.Requests(method)[0]["params"]!.AsObject().Where(p => p.Key != "control_id").Aggregate(new JsonObject(), (o, p) => { o[p.Key] = p.Value?.DeepClone(); return o; }).ToWireJson();
        Assert.Equal("""{"digits":"1234#","node_id":"node-1","call_id":"call-1"}""", Shape("calling.send_digits"));
        Assert.Equal("""{"role":"system","message_text":"The caller is verified.","node_id":"node-1","call_id":"call-1"}""", Shape("calling.ai_message"));
        Assert.Equal("""{"timeout":30,"prompt":"One moment.","node_id":"node-1","call_id":"call-1"}""", Shape("calling.ai_hold"));
        Assert.Equal("""{"event":{"step":"menu"},"node_id":"node-1","call_id":"call-1"}""", Shape("calling.user_event"));
        Assert.Equal("""{"muted":true,"name":"standup","node_id":"node-1","call_id":"call-1"}""", Shape("calling.join_conference"));
        Assert.Equal("""{"queue_name":"support","node_id":"node-1","call_id":"call-1"}""", Shape("calling.queue.enter"));
        Assert.Equal("""{"digits":"*0","bind_method":"calling.transfer","bind_params":{"dest":"operator"},"max_triggers":1,"node_id":"node-1","call_id":"call-1"}""", Shape("calling.bind_digit"));
        Assert.Equal("""{"detect":{"type":"machine","params":{}},"timeout":30,"node_id":"node-1","call_id":"call-1"}""", Shape("calling.detect"));
        Assert.Equal("""{"node_id":"node-1","call_id":"call-1"}""", Shape("calling.denoise"));
    }

    [Fact]
    public async Task Actions_are_paused_resumed_turned_up_and_stopped_and_the_rest_send_their_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();
        var play = await call.PlayAsync([CallMedia.Ringtone("us", TimeSpan.FromSeconds(10)), CallMedia.Silence(TimeSpan.FromSeconds(1))], loop: 2, cancellationToken: ct);
        await play.PauseAsync(ct);
        await play.ResumeAsync(ct);
        await play.VolumeAsync(4, ct);
        await play.StopAsync(ct);
        var tap = await call.TapAsync(new JsonObject { ["type"] = "audio" }, new JsonObject { ["type"] = "ws", ["params"] = new JsonObject { ["uri"] = "wss://example.com/tap" } }, ct);
        await tap.StopAsync(ct);
        await call.StreamAsync(new Uri("wss://example.com/stream"), "both_tracks", ct);
        await call.PayAsync(new Uri("https://pay.example.com/connector"), new JsonObject { ["charge_amount"] = "10.00" }, ct);
        await call.SendFaxAsync(new Uri("https://example.com/doc.pdf"), "+14155550100", ct);
        await call.ReceiveFaxAsync(ct);
        await call.TranscribeAsync(ct);
        await call.AiUnholdAsync("Back to you.", ct);
        await call.ReferAsync(new JsonObject { ["type"] = "sip", ["params"] = new JsonObject { ["to"] = "sip:bob@example.com" } }, ct);
        await call.HoldAsync(ct);
        await call.UnholdAsync(ct);
        await call.EchoAsync(TimeSpan.FromSeconds(5), ct);
        await call.LeaveConferenceAsync("conf-1", ct);
        await call.JoinRoomAsync("standup", cancellationToken: ct);
        await call.LeaveRoomAsync(ct);
        await call.QueueLeaveAsync("support", ct);
        await call.LiveTranscribeAsync(new JsonObject { ["start"] = new JsonObject { ["lang"] = "en" } }, ct);
        await call.LiveTranslateAsync(new JsonObject { ["stop"] = new JsonObject() }, ct);
        await call.DisconnectAsync(ct);
        await call.PassAsync(ct);
        await _test.Client.ReceiveAsync(["sales"], ct);
        await _test.Client.UnreceiveAsync(["sales"], ct);

        JsonObject Params(string method) => (JsonObject)_test.Server.Requests(method)[0]["params"]!;
        Assert.Equal("""[{"type":"ringtone","params":{"name":"us","duration":10}},{"type":"silence","params":{"duration":1}}]""", Params("calling.play")["play"]!.ToWireJson());
        foreach (var control in new[] { "calling.play.pause", "calling.play.resume", "calling.play.volume", "calling.play.stop" })
        {
            Assert.Equal(play.ControlId, Params(control)["control_id"]!.GetValue<string>());
        }

        Assert.Equal(4, Params("calling.play.volume")["volume"]!.GetValue<double>());
        Assert.Equal(tap.ControlId, Params("calling.tap.stop")["control_id"]!.GetValue<string>());
        Assert.Equal(("wss://example.com/stream", "both_tracks"), (Params("calling.stream")["url"]!.GetValue<string>(), Params("calling.stream")["track"]!.GetValue<string>()));
        Assert.Equal(("https://pay.example.com/connector", "10.00"), (Params("calling.pay")["payment_connector_url"]!.GetValue<string>(), Params("calling.pay")["charge_amount"]!.GetValue<string>()));
        Assert.Equal(("https://example.com/doc.pdf", "+14155550100"), (Params("calling.send_fax")["document"]!.GetValue<string>(), Params("calling.send_fax")["identity"]!.GetValue<string>()));
        Assert.NotNull(Params("calling.receive_fax")["control_id"]);
        Assert.NotNull(Params("calling.transcribe")["control_id"]);
        Assert.Equal("Back to you.", Params("calling.ai_unhold")["prompt"]!.GetValue<string>());
        Assert.Equal("sip:bob@example.com", Params("calling.refer")["device"]!["params"]!["to"]!.GetValue<string>());
        Assert.Equal(5, Params("calling.echo")["timeout"]!.GetValue<double>());
        Assert.Equal("conf-1", Params("calling.leave_conference")["conference_id"]!.GetValue<string>());
        Assert.Equal("standup", Params("calling.join_room")["name"]!.GetValue<string>());
        Assert.Equal("support", Params("calling.queue.leave")["queue_name"]!.GetValue<string>());
        Assert.Equal("""{"start":{"lang":"en"}}""", Params("calling.live_transcribe")["action"]!.ToWireJson());
        Assert.Equal("""{"stop":{}}""", Params("calling.live_translate")["action"]!.ToWireJson());
        Assert.All(new[] { "calling.hold", "calling.unhold", "calling.leave_room", "calling.disconnect", "calling.pass" }, m => Assert.Equal("call-1", Params(m)["call_id"]!.GetValue<string>()));
        Assert.Equal("""{"contexts":["sales"]}""", Params("signalwire.receive").ToWireJson());
        Assert.Equal("""{"contexts":["sales"]}""", Params("signalwire.unreceive").ToWireJson());
    }

    [Fact]
    public async Task Recordings_detections_connects_and_state_changes_are_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await InboundAsync();
        var states = new List<CallStateChange>();
        call.StateChanged += (_, change) => states.Add(change);
        call.StateChanged += (_, _) => throw new InvalidOperationException("a subscriber's bug");

        var record = await call.RecordAsync(cancellationToken: ct);
        var detect = await call.DetectAsync(new JsonObject { ["type"] = "machine", ["params"] = new JsonObject() }, cancellationToken: ct);
        await Event("calling.call.record", new JsonObject { ["call_id"] = "call-1", ["control_id"] = record.ControlId, ["state"] = "finished", ["url"] = "https://files.example.com/rec.mp3", ["duration"] = 12.5, ["size"] = 200000 });
        await Event("calling.call.detect", new JsonObject { ["call_id"] = "call-1", ["control_id"] = detect.ControlId, ["detect"] = new JsonObject { ["type"] = "machine", ["params"] = new JsonObject { ["event"] = "HUMAN" } } });
        var recording = await record.ResultAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        var detected = await detect.ResultAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);

        var connecting = call.ConnectAsync([[Device.Phone("+14155550142", "+14155550100")]], cancellationToken: ct);
        await _test.Server.WaitForAsync("calling.connect");
        await Event("calling.call.connect", new JsonObject { ["call_id"] = "call-1", ["connect_state"] = "connecting" });
        await Event("calling.call.connect", new JsonObject { ["call_id"] = "call-1", ["connect_state"] = "connected", ["peer"] = new JsonObject { ["call_id"] = "peer-1", ["node_id"] = "node-2" } });
        var connected = await connecting.WaitAsync(TimeSpan.FromSeconds(5), ct);
        await Event("calling.call.state", Calls.State("call-1", "answered"));
        await Event("calling.call.state", Calls.State("call-1", "ending"));
        await Event("calling.call.state", Calls.State("call-1", "ended", "busy"));
        await call.WaitForEndedAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);

        Assert.Equal(new RecordingResult("finished", new Uri("https://files.example.com/rec.mp3"), TimeSpan.FromSeconds(12.5), 200000), recording);
        Assert.Equal(new DetectResult("machine", "HUMAN"), detected);
        Assert.Equal(new ConnectResult("peer-1", "node-2"), connected);
        Assert.Equal([new CallStateChange(CallState.Answered, null), new CallStateChange(CallState.Ending, null), new CallStateChange(CallState.Ended, "busy")], states);
        Assert.Contains("RELAY handler for StateChanged of call call-1 failed", _test.LogText(), StringComparison.Ordinal);
    }
}
