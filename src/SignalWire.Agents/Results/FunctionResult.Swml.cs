using System.Text.Json;
using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents;

/// <summary>Actions that run SWML verbs on the call.</summary>
public sealed partial class FunctionResult
{
    /// <summary>Runs an SWML document (a full document, or anything the platform accepts): <c>{"SWML": doc, "transfer"?: "true"}</c>.</summary>
    public FunctionResult ExecuteSwml(JsonObject document, bool transfer = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var action = new JsonObject { ["SWML"] = document.DeepClone() };
        if (transfer)
        {
            action["transfer"] = "true";
        }

        return AddAction(action);
    }

    /// <summary>Runs SWML given as JSON text; text that is not JSON is sent as <c>{"raw_swml": text}</c>.</summary>
    public FunctionResult ExecuteSwml(string swml, bool transfer = false)
    {
        ArgumentNullException.ThrowIfNull(swml);
        JsonObject document;
        try
        {
            document = JsonNode.Parse(swml) as JsonObject ?? new JsonObject { ["raw_swml"] = swml };
        }
        catch (JsonException)
        {
            document = new JsonObject { ["raw_swml"] = swml };
        }

        return ExecuteSwml(document, transfer);
    }

    /// <summary>Sends a user event to the client: <c>SWML {"user_event": {"event": data}}</c>.</summary>
    public FunctionResult SwmlUserEvent(JsonObject eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AddAction(new JsonObject
        {
            ["SWML"] = new JsonObject
            {
                ["sections"] = new JsonObject { ["main"] = new JsonArray(new JsonObject { ["user_event"] = new JsonObject { ["event"] = eventData.DeepClone() } }) },
                ["version"] = "1.0.0",
            },
        });
    }

    /// <summary>Sends an SMS (<paramref name="body"/> and/or <paramref name="media"/> URLs).</summary>
    public FunctionResult SendSms(string toNumber, string fromNumber, string? body = null, IReadOnlyList<string>? media = null, IReadOnlyList<string>? tags = null, string? region = null)
    {
        if (string.IsNullOrEmpty(body) && (media is null || media.Count == 0))
        {
            throw new ArgumentException("Either body or media must be provided.", nameof(body));
        }

        var sms = new JsonObject { ["to_number"] = Required(toNumber), ["from_number"] = Required(fromNumber) };
        if (!string.IsNullOrEmpty(body))
        {
            sms["body"] = body;
        }

        AddNonEmptyList(sms, "media", media);
        AddNonEmptyList(sms, "tags", tags);
        if (region is not null)
        {
            sms["region"] = region;
        }

        return Swml(new JsonObject { ["send_sms"] = sms });
    }

    /// <summary>Starts recording the call in the background.</summary>
    /// <param name="controlId">Identifies the recording for <see cref="StopRecordCall"/>.</param>
    /// <param name="stereo">Record each side on its own channel.</param>
    /// <param name="format"><c>wav</c>, <c>mp3</c> or <c>mp4</c>.</param>
    /// <param name="direction"><c>speak</c>, <c>listen</c> or <c>both</c>.</param>
    /// <param name="terminators">DTMF digits that end the recording.</param>
    /// <param name="beep">Play a beep first.</param>
    /// <param name="inputSensitivity">Input sensitivity for silence detection.</param>
    /// <param name="initialTimeout">Seconds to wait for speech to start.</param>
    /// <param name="endSilenceTimeout">Seconds of silence that end the recording.</param>
    /// <param name="maxLength">Longest recording in seconds.</param>
    /// <param name="statusUrl">URL that receives recording status events.</param>
    public FunctionResult RecordCall(string? controlId = null, bool stereo = false, string format = "wav", string direction = "both", string? terminators = null,
        bool beep = false, double inputSensitivity = 44.0, double? initialTimeout = null, double? endSilenceTimeout = null, double? maxLength = null, string? statusUrl = null)
    {
        OneOf(format, nameof(format), "wav", "mp3", "mp4");
        OneOf(direction, nameof(direction), "speak", "listen", "both");
        var record = new JsonObject { ["stereo"] = stereo, ["format"] = format, ["direction"] = direction, ["beep"] = beep, ["input_sensitivity"] = inputSensitivity };
        AddIf(record, "control_id", controlId);
        AddIf(record, "terminators", terminators);
        AddIf(record, "initial_timeout", initialTimeout);
        AddIf(record, "end_silence_timeout", endSilenceTimeout);
        AddIf(record, "max_length", maxLength);
        AddIf(record, "status_url", statusUrl);
        return Swml(new JsonObject { ["record_call"] = record });
    }

    /// <summary>Stops a background recording (all of them, or the one with <paramref name="controlId"/>).</summary>
    public FunctionResult StopRecordCall(string? controlId = null) =>
        Swml(new JsonObject { ["stop_record_call"] = controlId is null ? new JsonObject() : new JsonObject { ["control_id"] = controlId } });

    /// <summary>Joins the video/audio room <paramref name="name"/>.</summary>
    public FunctionResult JoinRoom(string name) => Swml(new JsonObject { ["join_room"] = new JsonObject { ["name"] = Required(name) } });

    /// <summary>Sends a SIP REFER to <paramref name="toUri"/>.</summary>
    public FunctionResult SipRefer(string toUri) => Swml(new JsonObject { ["sip_refer"] = new JsonObject { ["to_uri"] = Required(toUri) } });

    /// <summary>Streams the call's media to <paramref name="uri"/> (codec and packet time only when not the defaults PCMU/20).</summary>
    public FunctionResult Tap(string uri, string? controlId = null, string direction = "both", string codec = "PCMU", int rtpPtime = 20, string? statusUrl = null)
    {
        OneOf(direction, nameof(direction), "speak", "listen", "both");
        OneOf(codec, nameof(codec), "PCMU", "PCMA");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rtpPtime);
        var tap = new JsonObject { ["uri"] = Required(uri) };
        AddIf(tap, "control_id", controlId);
        tap["direction"] = direction;
        if (codec != "PCMU")
        {
            tap["codec"] = codec;
        }

        if (rtpPtime != 20)
        {
            tap["rtp_ptime"] = rtpPtime;
        }

        AddIf(tap, "status_url", statusUrl);
        return Swml(new JsonObject { ["tap"] = tap });
    }

    /// <summary>Stops a tap (all of them, or the one with <paramref name="controlId"/>).</summary>
    public FunctionResult StopTap(string? controlId = null) =>
        Swml(new JsonObject { ["stop_tap"] = controlId is null ? new JsonObject() : new JsonObject { ["control_id"] = controlId } });

    /// <summary>Wraps one verb as <c>{"SWML": {"version": "1.0.0", "sections": {"main": [verb]}}}</c>.</summary>
    private FunctionResult Swml(JsonObject verb) => AddAction(new JsonObject
    {
        ["SWML"] = new JsonObject { ["version"] = "1.0.0", ["sections"] = new JsonObject { ["main"] = new JsonArray(verb) } },
    });

    private static void OneOf(string value, string name, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{name} must be one of: {string.Join(", ", allowed)}.", name);
        }
    }
}
