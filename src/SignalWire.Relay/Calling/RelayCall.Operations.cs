using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Calling;
using SignalWire.Agents.Json;
using SignalWire.Agents.Swml;

namespace SignalWire.Relay.Calling;

/// <summary>What you can do with a call. Long operations return an action to wait for, stop or adjust.</summary>
public sealed partial class RelayCall
{
    /// <summary>Answers an inbound call.</summary>
    public Task AnswerAsync(CancellationToken cancellationToken = default) => ExecuteAsync("answer", null, cancellationToken);

    /// <summary>Hangs up (<paramref name="reason"/>: <c>hangup</c>, <c>busy</c>, <c>decline</c>...).</summary>
    public Task HangupAsync(string reason = "hangup", CancellationToken cancellationToken = default) => ExecuteAsync("end", new JsonObject { ["reason"] = reason }, cancellationToken);

    /// <summary>Hands an inbound call back to routing, unanswered (another client on the context may take it).</summary>
    public Task PassAsync(CancellationToken cancellationToken = default) => ExecuteAsync("pass", null, cancellationToken);

    /// <summary>Plays <paramref name="media"/> (<see cref="CallMedia"/>); the action completes when it has finished.</summary>
    public Task<PlayAction> PlayAsync(IEnumerable<JsonObject> media, double? volume = null, int? loop = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["play"] = MediaList(media) };
        Set(parameters, "volume", volume);
        Set(parameters, "loop", loop);
        return StartAsync(new PlayAction(this, "play", "calling.call.play", "finished", "error"), "play", parameters, cancellationToken);
    }

    /// <summary>Says <paramref name="text"/>.</summary>
    public Task<PlayAction> SayAsync(string text, string? language = null, string? voice = null, CancellationToken cancellationToken = default) =>
        PlayAsync([CallMedia.Tts(text, language, voice)], cancellationToken: cancellationToken);

    /// <summary>Collects digits (<paramref name="digits"/>: <c>max</c>, <c>digit_timeout</c>, <c>terminators</c>) and/or speech (<paramref name="speech"/>), without a prompt.</summary>
    public Task<CollectAction> CollectAsync(JsonObject? digits = null, JsonObject? speech = null, double? initialTimeout = null, CancellationToken cancellationToken = default) =>
        StartAsync(new CollectAction(this, "collect"), "collect", CollectParameters(digits, speech, initialTimeout), cancellationToken);

    /// <summary>Plays <paramref name="media"/> and collects the answer; completes on the collect result, not the prompt's end.</summary>
    public Task<CollectAction> PlayAndCollectAsync(IEnumerable<JsonObject> media, JsonObject? digits = null, JsonObject? speech = null, double? initialTimeout = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["play"] = MediaList(media), ["collect"] = CollectParameters(digits, speech, initialTimeout) };
        return StartAsync(new CollectAction(this, "play_and_collect"), "play_and_collect", parameters, cancellationToken);
    }

    /// <summary>Records the call (<paramref name="audio"/>: <c>format</c>, <c>direction</c>, <c>beep</c>, <c>end_silence_timeout</c>...); completes when finished or no input came (see <see cref="RecordAction.ResultAsync"/>).</summary>
    public Task<RecordAction> RecordAsync(JsonObject? audio = null, CancellationToken cancellationToken = default) =>
        StartAsync(new RecordAction(this), "record", new JsonObject { ["record"] = new JsonObject { ["audio"] = audio?.DeepClone() ?? new JsonObject() } }, cancellationToken);

    /// <summary>Detects an answering machine, fax tones or DTMF (<paramref name="detect"/>: <c>{"type": "machine", "params": {}}</c>); completes on the first result.</summary>
    public Task<DetectAction> DetectAsync(JsonObject detect, double? timeout = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["detect"] = (detect ?? throw new ArgumentNullException(nameof(detect))).DeepClone() };
        Set(parameters, "timeout", timeout);
        return StartAsync(new DetectAction(this), "detect", parameters, cancellationToken);
    }

    /// <summary>Sends DTMF <paramref name="digits"/> on the call.</summary>
    public Task<RelayAction> SendDigitsAsync(string digits, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digits);
        return StartAsync(new RelayAction(this, "send_digits", "calling.call.send_digits", "finished", "error"), "send_digits", new JsonObject { ["digits"] = digits }, cancellationToken);
    }

    /// <summary>Connects the call to <paramref name="devices"/> (a dial plan, see <see cref="Device"/>) and waits until connected.</summary>
    /// <exception cref="RelayException">The connect failed (<c>Code</c> <c>failed</c>) or the call ended first (<c>ended</c>).</exception>
    public async Task<ConnectResult> ConnectAsync(IEnumerable<IEnumerable<JsonObject>> devices, IEnumerable<JsonObject>? ringback = null, CancellationToken cancellationToken = default)
    {
        var connected = new TaskCompletionSource<RelayEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEvent(object? sender, RelayEvent e)
        {
            if (e.EventType == "calling.call.connect")
            {
                _ = e.Get("connect_state") switch
                {
                    "connected" => connected.TrySetResult(e),
                    "failed" => connected.TrySetException(new RelayException("The connect failed.", "failed")),
                    _ => false,
                };
            }
            else if (e.EventType == "calling.call.state" && State == CallState.Ended)
            {
                connected.TrySetException(new RelayException("The call ended before it was connected.", "ended"));
            }
        }

        EventReceived += OnEvent;
        try
        {
            var parameters = new JsonObject { ["devices"] = Device.Plan(devices) };
            if (ringback is not null)
            {
                parameters["ringback"] = MediaList(ringback);
            }

            await ExecuteAsync("connect", parameters, cancellationToken).ConfigureAwait(false);
            var done = await connected.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            var peer = done.Params["peer"] as JsonObject;
            return new ConnectResult(peer?.GetString("call_id"), peer?.GetString("node_id"));
        }
        finally
        {
            EventReceived -= OnEvent;
        }
    }

    /// <summary>Unbridges a connected call.</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) => ExecuteAsync("disconnect", null, cancellationToken);

    /// <summary>
    /// Starts <paramref name="agent"/> on the call: its <c>ai</c> verb is rendered for this call (so its tools' URLs and
    /// tokens are bound to this call id) with webhooks at <paramref name="publicBaseUrl"/>, where the agent is served.
    /// The action runs until the AI or the call ends.
    /// </summary>
    public Task<RelayAction> AiAsync(AgentBase agent, Uri publicBaseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var webhookBase = WebhookBase.FromPublicBase(publicBaseUrl, agent.Settings.Route, agent.Settings.BasicAuth);
        var document = JsonNode.Parse(AgentDocumentRenderer.RenderToString(agent, webhookBase, Id))!;
        var ai = (document["sections"]?["main"] as JsonArray)?.OfType<JsonObject>().Select(v => v["ai"]).OfType<JsonObject>().FirstOrDefault()
            ?? throw new ArgumentException("The agent's document has no ai verb.", nameof(agent));
        return AiAsync((JsonObject)ai.DeepClone(), cancellationToken);
    }

    /// <summary>Starts an AI agent from the fields of a SWML <c>ai</c> verb (<c>prompt</c>, <c>post_prompt</c>, <c>SWAIG</c>, <c>params</c>...).</summary>
    public Task<RelayAction> AiAsync(JsonObject aiVerb, CancellationToken cancellationToken = default) =>
        StartAsync(new RelayAction(this, "ai", "calling.call.ai", "finished", "error"), "ai", (JsonObject)(aiVerb ?? throw new ArgumentNullException(nameof(aiVerb))).DeepClone(), cancellationToken);

    /// <summary>Adds a message to the AI's conversation.</summary>
    public Task AiMessageAsync(string text, string role = "system", CancellationToken cancellationToken = default) =>
        ExecuteAsync("ai_message", new JsonObject { ["role"] = role, ["message_text"] = text }, cancellationToken);

    /// <summary>Puts the AI conversation on hold.</summary>
    public Task AiHoldAsync(TimeSpan? timeout = null, string? prompt = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject();
        Set(parameters, "timeout", timeout is { } wait ? (int)wait.TotalSeconds : null);
        Set(parameters, "prompt", prompt);
        return ExecuteAsync("ai_hold", parameters, cancellationToken);
    }

    /// <summary>Takes the AI conversation off hold.</summary>
    public Task AiUnholdAsync(string? prompt = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject();
        Set(parameters, "prompt", prompt);
        return ExecuteAsync("ai_unhold", parameters, cancellationToken);
    }

    /// <summary>Sends your own event to the call's listeners.</summary>
    public Task UserEventAsync(JsonObject userEvent, CancellationToken cancellationToken = default) =>
        ExecuteAsync("user_event", new JsonObject { ["event"] = (userEvent ?? throw new ArgumentNullException(nameof(userEvent))).DeepClone() }, cancellationToken);

    /// <summary>Transfers the call to a SWML address or document.</summary>
    public Task TransferAsync(string destination, CancellationToken cancellationToken = default) => ExecuteAsync("transfer", new JsonObject { ["dest"] = destination }, cancellationToken);

    /// <summary>Transfers a SIP call with a REFER to <paramref name="device"/>.</summary>
    public Task ReferAsync(JsonObject device, CancellationToken cancellationToken = default) =>
        ExecuteAsync("refer", new JsonObject { ["device"] = (device ?? throw new ArgumentNullException(nameof(device))).DeepClone() }, cancellationToken);

    /// <summary>Puts the call on hold.</summary>
    public Task HoldAsync(CancellationToken cancellationToken = default) => ExecuteAsync("hold", null, cancellationToken);

    /// <summary>Takes the call off hold.</summary>
    public Task UnholdAsync(CancellationToken cancellationToken = default) => ExecuteAsync("unhold", null, cancellationToken);

    /// <summary>Removes background noise.</summary>
    public Task DenoiseAsync(CancellationToken cancellationToken = default) => ExecuteAsync("denoise", null, cancellationToken);

    /// <summary>Stops removing noise.</summary>
    public Task DenoiseStopAsync(CancellationToken cancellationToken = default) => ExecuteAsync("denoise.stop", null, cancellationToken);

    /// <summary>Taps the audio (<paramref name="tap"/>: type and direction) to <paramref name="device"/> (RTP or WebSocket).</summary>
    public Task<RelayAction> TapAsync(JsonObject tap, JsonObject device, CancellationToken cancellationToken = default) =>
        StartAsync(new RelayAction(this, "tap", "calling.call.tap", "finished"), "tap", new JsonObject { ["tap"] = (tap ?? throw new ArgumentNullException(nameof(tap))).DeepClone(), ["device"] = (device ?? throw new ArgumentNullException(nameof(device))).DeepClone() }, cancellationToken);

    /// <summary>Streams the audio to a WebSocket at <paramref name="url"/>.</summary>
    public Task<RelayAction> StreamAsync(Uri url, string? track = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["url"] = (url ?? throw new ArgumentNullException(nameof(url))).ToString() };
        Set(parameters, "track", track);
        return StartAsync(new RelayAction(this, "stream", "calling.call.stream", "finished"), "stream", parameters, cancellationToken);
    }

    /// <summary>Transcribes the call; the transcript arrives in the action's events.</summary>
    public Task<RelayAction> TranscribeAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new RelayAction(this, "transcribe", "calling.call.transcribe", "finished"), "transcribe", [], cancellationToken);

    /// <summary>Takes a card payment through <paramref name="paymentConnectorUrl"/> (<paramref name="options"/>: <c>charge_amount</c>, <c>input_method</c>...).</summary>
    public Task<RelayAction> PayAsync(Uri paymentConnectorUrl, JsonObject? options = null, CancellationToken cancellationToken = default)
    {
        var parameters = (JsonObject?)options?.DeepClone() ?? [];
        parameters["payment_connector_url"] = (paymentConnectorUrl ?? throw new ArgumentNullException(nameof(paymentConnectorUrl))).ToString();
        return StartAsync(new RelayAction(this, "pay", "calling.call.pay", "finished", "error"), "pay", parameters, cancellationToken);
    }

    /// <summary>Sends the fax document at <paramref name="document"/>.</summary>
    public Task<RelayAction> SendFaxAsync(Uri document, string? identity = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["document"] = (document ?? throw new ArgumentNullException(nameof(document))).ToString() };
        Set(parameters, "identity", identity);
        return StartAsync(new RelayAction(this, "send_fax", "calling.call.fax", "finished", "error"), "send_fax", parameters, cancellationToken);
    }

    /// <summary>Receives a fax; the finished event carries the document.</summary>
    public Task<RelayAction> ReceiveFaxAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new RelayAction(this, "receive_fax", "calling.call.fax", "finished", "error"), "receive_fax", [], cancellationToken);

    /// <summary>Echoes the caller's audio back (a line test).</summary>
    public Task EchoAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject();
        Set(parameters, "timeout", timeout?.TotalSeconds);
        return ExecuteAsync("echo", parameters, cancellationToken);
    }

    /// <summary>Joins conference <paramref name="name"/> (<paramref name="options"/>: <c>muted</c>, <c>beep</c>, <c>start_on_enter</c>...).</summary>
    public Task<JsonObject> JoinConferenceAsync(string name, JsonObject? options = null, CancellationToken cancellationToken = default) => Named("join_conference", name, options, cancellationToken);

    /// <summary>Leaves conference <paramref name="conferenceId"/>.</summary>
    public Task LeaveConferenceAsync(string conferenceId, CancellationToken cancellationToken = default) => ExecuteAsync("leave_conference", new JsonObject { ["conference_id"] = conferenceId }, cancellationToken);

    /// <summary>Joins video room <paramref name="name"/>.</summary>
    public Task<JsonObject> JoinRoomAsync(string name, JsonObject? options = null, CancellationToken cancellationToken = default) => Named("join_room", name, options, cancellationToken);

    /// <summary>Leaves the video room.</summary>
    public Task LeaveRoomAsync(CancellationToken cancellationToken = default) => ExecuteAsync("leave_room", null, cancellationToken);

    /// <summary>Puts the call in queue <paramref name="name"/>.</summary>
    public Task<JsonObject> QueueEnterAsync(string name, JsonObject? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync("queue.enter", Merge(options, "queue_name", name), cancellationToken);

    /// <summary>Takes the call out of queue <paramref name="name"/>.</summary>
    public Task QueueLeaveAsync(string name, CancellationToken cancellationToken = default) => ExecuteAsync("queue.leave", new JsonObject { ["queue_name"] = name }, cancellationToken);

    /// <summary>Binds <paramref name="digits"/> to run <paramref name="bindMethod"/> (a <c>calling.*</c> method) with <paramref name="bindParams"/> when pressed.</summary>
    public Task BindDigitAsync(string digits, string bindMethod, JsonObject? bindParams = null, string? realm = null, int? maxTriggers = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["digits"] = digits, ["bind_method"] = bindMethod };
        if (bindParams is not null)
        {
            parameters["bind_params"] = bindParams.DeepClone();
        }

        Set(parameters, "realm", realm);
        Set(parameters, "max_triggers", maxTriggers);
        return ExecuteAsync("bind_digit", parameters, cancellationToken);
    }

    /// <summary>Starts or changes live transcription (<paramref name="action"/>: <c>{"start": {...}}</c> / <c>{"stop": {}}</c>).</summary>
    public Task LiveTranscribeAsync(JsonObject action, CancellationToken cancellationToken = default) =>
        ExecuteAsync("live_transcribe", new JsonObject { ["action"] = (action ?? throw new ArgumentNullException(nameof(action))).DeepClone() }, cancellationToken);

    /// <summary>Starts or changes live translation.</summary>
    public Task LiveTranslateAsync(JsonObject action, CancellationToken cancellationToken = default) =>
        ExecuteAsync("live_translate", new JsonObject { ["action"] = (action ?? throw new ArgumentNullException(nameof(action))).DeepClone() }, cancellationToken);

    private Task<JsonObject> Named(string verb, string name, JsonObject? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ExecuteAsync(verb, Merge(options, "name", name), cancellationToken);
    }

    private static JsonObject Merge(JsonObject? options, string key, string value)
    {
        var parameters = (JsonObject?)options?.DeepClone() ?? [];
        parameters[key] = value;
        return parameters;
    }

    private static JsonArray MediaList(IEnumerable<JsonObject> media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var list = new JsonArray([.. media.Select(m => m.DeepClone())]);
        return list.Count > 0 ? list : throw new ArgumentException("Give at least one media item.", nameof(media));
    }

    private static JsonObject CollectParameters(JsonObject? digits, JsonObject? speech, double? initialTimeout)
    {
        if (digits is null && speech is null)
        {
            throw new ArgumentException("Collect digits, speech or both.", nameof(digits));
        }

        var collect = new JsonObject();
        if (digits is not null)
        {
            collect["digits"] = digits.DeepClone();
        }

        if (speech is not null)
        {
            collect["speech"] = speech.DeepClone();
        }

        Set(collect, "initial_timeout", initialTimeout);
        return collect;
    }

    private static void Set(JsonObject parameters, string name, object? value)
    {
        switch (value)
        {
            case string text:
                parameters[name] = text;
                break;
            case double number:
                parameters[name] = number;
                break;
            case int whole:
                parameters[name] = whole;
                break;
        }
    }
}
