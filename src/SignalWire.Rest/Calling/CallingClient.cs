using System.Text.Json.Nodes;
using SignalWire.Agents.Calling;
using SignalWire.Agents.Swml;

namespace SignalWire.Rest.Calling;

/// <summary>
/// The Calling API (<c>POST /api/calling/calls</c>): dial, update and end calls, and drive live ones — play, record,
/// collect, detect, tap, stream, transcribe, denoise, transfer, refer, AI messages and hold, user events.
/// Operations that run until stopped take a <c>controlId</c> (yours) so you can pause, resume or stop them.
/// Commands not covered here go through <see cref="CommandAsync"/>.
/// </summary>
public sealed class CallingClient
{
    private const string Path = "/api/calling/calls";
    private readonly RestTransport _transport;

    internal CallingClient(RestTransport transport) => _transport = transport;

    /// <summary>Places an outbound call.</summary>
    /// <exception cref="SignalWireApiException">The API refused the call or did not answer.</exception>
    public Task<CallInfo> DialAsync(DialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new JsonObject { ["command"] = "dial", ["params"] = request.ToParams() }, cancellationToken);
    }

    /// <summary>Points a live call at new SWML (<paramref name="swml"/> or <paramref name="url"/>), or ends it (<paramref name="status"/> <c>completed</c> or <c>canceled</c>).</summary>
    public Task<CallInfo> UpdateAsync(string callId, SwmlDocument? swml = null, Uri? url = null, string? status = null, Uri? fallbackUrl = null, Uri? statusUrl = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("id", callId), ("url", url?.ToString()), ("status", status), ("fallback_url", fallbackUrl?.ToString()), ("status_url", statusUrl?.ToString()));
        if (swml is not null)
        {
            parameters["swml"] = swml.ToJson();
        }

        return SendAsync(new JsonObject { ["command"] = "update", ["params"] = parameters }, cancellationToken);
    }

    /// <summary>Hangs up the call (<paramref name="reason"/>: <c>hangup</c>, <c>busy</c>, <c>decline</c>...).</summary>
    public Task<CallInfo> EndAsync(string callId, string? reason = null, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.end", Params(("reason", reason)), cancellationToken);

    /// <summary>Transfers the call to a SWML address, a number or a SIP address.</summary>
    public Task<CallInfo> TransferAsync(string callId, string destination, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.transfer", Params(("dest", destination)), cancellationToken);

    /// <summary>Transfers the call to <paramref name="swml"/>.</summary>
    public Task<CallInfo> TransferAsync(string callId, SwmlDocument swml, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.transfer", new JsonObject { ["dest"] = (swml ?? throw new ArgumentNullException(nameof(swml))).ToJson() }, cancellationToken);

    /// <summary>Disconnects the legs of a connected call.</summary>
    public Task<CallInfo> DisconnectAsync(string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.disconnect", null, cancellationToken);

    /// <summary>Adds a message to the AI's conversation (<paramref name="role"/>: <c>system</c>, <c>user</c> or <c>assistant</c>), optionally updating its global data.</summary>
    public Task<CallInfo> AiMessageAsync(string callId, string text, string role = "system", JsonObject? globalData = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("role", role), ("message_text", text));
        if (globalData is not null)
        {
            parameters["global_data"] = globalData.DeepClone();
        }

        return CommandAsync(callId, "calling.ai_message", parameters, cancellationToken);
    }

    /// <summary>Puts the AI conversation on hold, for up to <paramref name="timeout"/>, saying <paramref name="prompt"/>.</summary>
    public Task<CallInfo> AiHoldAsync(string callId, TimeSpan? timeout = null, string? prompt = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("prompt", prompt));
        if (timeout is { } wait)
        {
            parameters["timeout"] = (int)wait.TotalSeconds;
        }

        return CommandAsync(callId, "calling.ai_hold", parameters, cancellationToken);
    }

    /// <summary>Takes the AI conversation off hold, saying <paramref name="prompt"/>.</summary>
    public Task<CallInfo> AiUnholdAsync(string callId, string? prompt = null, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.ai_unhold", Params(("prompt", prompt)), cancellationToken);

    /// <summary>Stops the AI on the call.</summary>
    public Task<CallInfo> AiStopAsync(string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.ai.stop", null, cancellationToken);

    /// <summary>Sends your own event to the call's listeners.</summary>
    public Task<CallInfo> UserEventAsync(string callId, JsonObject userEvent, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.user_event", new JsonObject { ["event"] = (userEvent ?? throw new ArgumentNullException(nameof(userEvent))).DeepClone() }, cancellationToken);

    /// <summary>Plays <paramref name="media"/> (see <see cref="CallMedia"/>) on the call.</summary>
    public Task<CallInfo> PlayAsync(string callId, IEnumerable<JsonObject> media, string? controlId = null, double? volume = null, string? direction = null, int? loop = null, Uri? statusUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(media);
        var parameters = Params(("control_id", controlId), ("direction", direction), ("status_url", statusUrl?.ToString()));
        parameters["play"] = new JsonArray([.. media.Select(m => m.DeepClone())]);
        Number(parameters, "volume", volume);
        Number(parameters, "loop", loop);
        return CommandAsync(callId, "calling.play", parameters, cancellationToken);
    }

    /// <summary>Pauses playback <paramref name="controlId"/>.</summary>
    public Task<CallInfo> PlayPauseAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.play.pause", controlId, cancellationToken);

    /// <summary>Resumes playback <paramref name="controlId"/>.</summary>
    public Task<CallInfo> PlayResumeAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.play.resume", controlId, cancellationToken);

    /// <summary>Stops playback <paramref name="controlId"/>.</summary>
    public Task<CallInfo> PlayStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.play.stop", controlId, cancellationToken);

    /// <summary>Sets playback <paramref name="controlId"/>'s volume (dB, -40 to 40).</summary>
    public Task<CallInfo> PlayVolumeAsync(string callId, string controlId, double volume, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("control_id", controlId));
        parameters["volume"] = volume;
        return CommandAsync(callId, "calling.play.volume", parameters, cancellationToken);
    }

    /// <summary>Records the call (<paramref name="audio"/>: format, direction, beep, terminators...).</summary>
    public Task<CallInfo> RecordAsync(string callId, JsonObject? audio = null, string? controlId = null, Uri? statusUrl = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("control_id", controlId), ("status_url", statusUrl?.ToString()));
        parameters["audio"] = audio?.DeepClone() ?? new JsonObject();
        return CommandAsync(callId, "calling.record", parameters, cancellationToken);
    }

    /// <summary>Pauses recording <paramref name="controlId"/>.</summary>
    public Task<CallInfo> RecordPauseAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.record.pause", controlId, cancellationToken);

    /// <summary>Resumes recording <paramref name="controlId"/>.</summary>
    public Task<CallInfo> RecordResumeAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.record.resume", controlId, cancellationToken);

    /// <summary>Stops recording <paramref name="controlId"/>.</summary>
    public Task<CallInfo> RecordStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.record.stop", controlId, cancellationToken);

    /// <summary>Collects digits (<paramref name="digits"/>: max, terminators, digit_timeout) and/or speech (<paramref name="speech"/>: hints, language...).</summary>
    public Task<CallInfo> CollectAsync(string callId, JsonObject? digits = null, JsonObject? speech = null, string? controlId = null, double? initialTimeout = null, bool? continuous = null, bool? partialResults = null, CancellationToken cancellationToken = default)
    {
        if (digits is null && speech is null)
        {
            throw new ArgumentException("Collect digits, speech or both.", nameof(digits));
        }

        var parameters = Params(("control_id", controlId));
        Node(parameters, "digits", digits);
        Node(parameters, "speech", speech);
        Number(parameters, "initial_timeout", initialTimeout);
        Flag(parameters, "continuous", continuous);
        Flag(parameters, "partial_results", partialResults);
        return CommandAsync(callId, "calling.collect", parameters, cancellationToken);
    }

    /// <summary>Stops collecting <paramref name="controlId"/>.</summary>
    public Task<CallInfo> CollectStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.collect.stop", controlId, cancellationToken);

    /// <summary>Starts collect <paramref name="controlId"/>'s input timers (for a collect started without them).</summary>
    public Task<CallInfo> CollectStartInputTimersAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.collect.start_input_timers", controlId, cancellationToken);

    /// <summary>Detects an answering machine, fax tones or DTMF (<paramref name="detect"/>: <c>{"type": "machine", "params": {...}}</c>).</summary>
    public Task<CallInfo> DetectAsync(string callId, JsonObject detect, string? controlId = null, double? timeout = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("control_id", controlId));
        parameters["detect"] = (detect ?? throw new ArgumentNullException(nameof(detect))).DeepClone();
        Number(parameters, "timeout", timeout);
        return CommandAsync(callId, "calling.detect", parameters, cancellationToken);
    }

    /// <summary>Stops detection <paramref name="controlId"/>.</summary>
    public Task<CallInfo> DetectStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.detect.stop", controlId, cancellationToken);

    /// <summary>Taps the call's audio (<paramref name="tap"/>: type and direction) to <paramref name="device"/> (RTP or WebSocket).</summary>
    public Task<CallInfo> TapAsync(string callId, JsonObject tap, JsonObject device, string? controlId = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("control_id", controlId));
        parameters["tap"] = (tap ?? throw new ArgumentNullException(nameof(tap))).DeepClone();
        parameters["device"] = (device ?? throw new ArgumentNullException(nameof(device))).DeepClone();
        return CommandAsync(callId, "calling.tap", parameters, cancellationToken);
    }

    /// <summary>Stops tap <paramref name="controlId"/>.</summary>
    public Task<CallInfo> TapStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.tap.stop", controlId, cancellationToken);

    /// <summary>Streams the call's audio to a WebSocket at <paramref name="url"/> (<paramref name="track"/>: <c>inbound_track</c>, <c>outbound_track</c> or <c>both_tracks</c>).</summary>
    public Task<CallInfo> StreamAsync(string callId, Uri url, string? controlId = null, string? codec = null, string? track = null, string? authorizationBearerToken = null, JsonObject? customParameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var parameters = Params(("url", url.ToString()), ("control_id", controlId), ("codec", codec), ("track", track), ("authorization_bearer_token", authorizationBearerToken));
        Node(parameters, "custom_parameters", customParameters);
        return CommandAsync(callId, "calling.stream", parameters, cancellationToken);
    }

    /// <summary>Stops stream <paramref name="controlId"/>.</summary>
    public Task<CallInfo> StreamStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.stream.stop", controlId, cancellationToken);

    /// <summary>Transcribes the call; the transcript is posted to <paramref name="statusUrl"/>.</summary>
    public Task<CallInfo> TranscribeAsync(string callId, string? controlId = null, Uri? statusUrl = null, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.transcribe", Params(("control_id", controlId), ("status_url", statusUrl?.ToString())), cancellationToken);

    /// <summary>Stops transcription <paramref name="controlId"/>.</summary>
    public Task<CallInfo> TranscribeStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.transcribe.stop", controlId, cancellationToken);

    /// <summary>Starts (or changes) live transcription (<paramref name="action"/>: <c>{"start": {...}}</c>, <c>{"stop": {...}}</c>, <c>{"summarize": {...}}</c>).</summary>
    public Task<CallInfo> LiveTranscribeAsync(string callId, JsonObject action, CancellationToken cancellationToken = default) =>
        CommandAsync(callId, "calling.live_transcribe", new JsonObject { ["action"] = (action ?? throw new ArgumentNullException(nameof(action))).DeepClone() }, cancellationToken);

    /// <summary>Starts (or changes) live translation (<paramref name="action"/> as for <see cref="LiveTranscribeAsync"/>).</summary>
    public Task<CallInfo> LiveTranslateAsync(string callId, JsonObject action, Uri? statusUrl = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("status_url", statusUrl?.ToString()));
        parameters["action"] = (action ?? throw new ArgumentNullException(nameof(action))).DeepClone();
        return CommandAsync(callId, "calling.live_translate", parameters, cancellationToken);
    }

    /// <summary>Removes background noise from the call.</summary>
    public Task<CallInfo> DenoiseAsync(string callId, CancellationToken cancellationToken = default) => CommandAsync(callId, "calling.denoise", null, cancellationToken);

    /// <summary>Stops removing noise.</summary>
    public Task<CallInfo> DenoiseStopAsync(string callId, CancellationToken cancellationToken = default) => CommandAsync(callId, "calling.denoise.stop", null, cancellationToken);

    /// <summary>Transfers a SIP call with a SIP REFER to <paramref name="device"/>.</summary>
    public Task<CallInfo> ReferAsync(string callId, JsonObject device, Uri? statusUrl = null, CancellationToken cancellationToken = default)
    {
        var parameters = Params(("status_url", statusUrl?.ToString()));
        parameters["device"] = (device ?? throw new ArgumentNullException(nameof(device))).DeepClone();
        return CommandAsync(callId, "calling.refer", parameters, cancellationToken);
    }

    /// <summary>Stops sending fax <paramref name="controlId"/>.</summary>
    public Task<CallInfo> SendFaxStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.send_fax.stop", controlId, cancellationToken);

    /// <summary>Stops receiving fax <paramref name="controlId"/>.</summary>
    public Task<CallInfo> ReceiveFaxStopAsync(string callId, string controlId, CancellationToken cancellationToken = default) => Control(callId, "calling.receive_fax.stop", controlId, cancellationToken);

    /// <summary>Sends any call command (<c>calling.*</c>) with its parameters: for commands the API adds later.</summary>
    public Task<CallInfo> CommandAsync(string callId, string command, JsonObject? parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return SendAsync(new JsonObject { ["command"] = command, ["params"] = parameters?.DeepClone() ?? new JsonObject(), ["id"] = callId }, cancellationToken);
    }

    private Task<CallInfo> Control(string callId, string command, string controlId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(controlId);
        return CommandAsync(callId, command, Params(("control_id", controlId)), cancellationToken);
    }

    private Task<CallInfo> SendAsync(JsonObject body, CancellationToken cancellationToken) =>
        _transport.SendAsync(HttpMethod.Post, Path, body, CallingJsonContext.Default.CallInfo, cancellationToken);

    private static JsonObject Params(params (string Name, string? Value)[] values)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }

    private static void Node(JsonObject parameters, string name, JsonObject? value)
    {
        if (value is not null)
        {
            parameters[name] = value.DeepClone();
        }
    }

    private static void Number(JsonObject parameters, string name, double? value)
    {
        if (value is { } number)
        {
            parameters[name] = number;
        }
    }

    private static void Flag(JsonObject parameters, string name, bool? value)
    {
        if (value is { } flag)
        {
            parameters[name] = flag;
        }
    }
}
