using System.Text.Json;
using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>
/// An ordered list of SWML verbs. Typed methods cover the common verbs and check what the SWML schema
/// checks; <see cref="Verb"/> adds any other verb of the schema's list. Every method returns the section.
/// </summary>
public sealed partial class SwmlSection
{
    private readonly List<JsonObject> _verbs = [];

    internal SwmlSection(string name) => Name = name;

    /// <summary>The section's name (<c>main</c> is where execution starts).</summary>
    public string Name { get; }

    /// <summary>The verbs so far, each as <c>{verb: config}</c> (copies).</summary>
    public IReadOnlyList<JsonObject> Verbs => [.. _verbs.Select(v => (JsonObject)v.DeepClone())];

    /// <summary>Adds any verb of the SWML schema with its configuration.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a SWML verb.</exception>
    public SwmlSection Verb(string name, JsonNode? config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!AgentBase.SwmlVerbs.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a SWML verb. Known verbs: {string.Join(", ", AgentBase.SwmlVerbs.Order(StringComparer.Ordinal))}.", nameof(name));
        }

        _verbs.Add(new JsonObject { [name] = config?.DeepClone() });
        return this;
    }

    /// <summary>Answers the call (<c>answer</c>), optionally limiting its length (seconds) and codecs.</summary>
    public SwmlSection Answer(int? maxDuration = null, string? codecs = null)
    {
        var config = new JsonObject();
        AddIf(config, "max_duration", Positive(maxDuration, nameof(maxDuration)));
        AddIf(config, "codecs", codecs);
        return Add("answer", config);
    }

    /// <summary>Ends the call (<c>hangup</c>).</summary>
    public SwmlSection Hangup(HangupReason? reason = null)
    {
        var config = new JsonObject();
        AddIf(config, "reason", reason?.ToString().ToLowerInvariant());
        return Add("hangup", config);
    }

    /// <summary>Plays a file, ring tone (<c>ring:</c>), silence (<c>silence:</c>) or speech (<c>say:</c>) URL.</summary>
    public SwmlSection Play(string url, double? volume = null, string? sayVoice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return Add("play", PlayConfig(new JsonObject { ["url"] = url }, volume, sayVoice, null));
    }

    /// <summary>Plays several URLs in order.</summary>
    public SwmlSection Play(IEnumerable<string> urls, double? volume = null, string? sayVoice = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var list = urls.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty URL is required.", nameof(urls));
        }

        return Add("play", PlayConfig(new JsonObject { ["urls"] = Strings(list) }, volume, sayVoice, null));
    }

    /// <summary>Says <paramref name="text"/> with text-to-speech (a <c>play</c> of <c>say:</c>).</summary>
    public SwmlSection Say(string text, string? voice = null, string? language = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return Add("play", PlayConfig(new JsonObject { ["url"] = "say:" + text }, null, voice, language));
    }

    /// <summary>Dials <paramref name="to"/> (a number or SIP URI) and bridges the call (<c>connect</c>).</summary>
    public SwmlSection Connect(string to, string? from = null, int? timeout = null, bool? answerOnBridge = null, int? maxDuration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var config = new JsonObject { ["to"] = to };
        AddIf(config, "from", from);
        AddIf(config, "timeout", Positive(timeout, nameof(timeout)));
        AddIf(config, "answer_on_bridge", answerOnBridge);
        AddIf(config, "max_duration", Positive(maxDuration, nameof(maxDuration)));
        return Add("connect", config);
    }

    /// <summary>Records the caller, in the foreground (<c>record</c>).</summary>
    public SwmlSection Record(RecordOptions? options = null) => Add("record", (options ?? new RecordOptions()).ToJson());

    /// <summary>Starts recording the call in the background (<c>record_call</c>).</summary>
    public SwmlSection RecordCall(RecordOptions? options = null, string? controlId = null)
    {
        var config = (options ?? new RecordOptions()).ToJson();
        if (controlId is not null)
        {
            config.Insert(0, "control_id", controlId);
        }

        return Add("record_call", config);
    }

    /// <summary>Stops a background recording (<c>stop_record_call</c>).</summary>
    public SwmlSection StopRecordCall(string? controlId = null) => Add("stop_record_call", ControlId(controlId));

    /// <summary>Sends a SIP REFER to <paramref name="toUri"/> (<c>sip_refer</c>).</summary>
    public SwmlSection SipRefer(string toUri, Uri? statusUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toUri);
        var config = new JsonObject { ["to_uri"] = toUri };
        AddIf(config, "status_url", statusUrl?.ToString());
        return Add("sip_refer", config);
    }

    /// <summary>Hands the call to a section of this document or to the SWML at a URL (<c>transfer</c>).</summary>
    public SwmlSection Transfer(string destination, JsonObject? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var config = new JsonObject { ["dest"] = destination };
        AddIf(config, "params", parameters?.DeepClone());
        return Add("transfer", config);
    }

    /// <summary>Runs a section or a remote document and comes back (<c>execute</c>).</summary>
    public SwmlSection Execute(string destination, JsonObject? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var config = new JsonObject { ["dest"] = destination };
        AddIf(config, "params", parameters?.DeepClone());
        return Add("execute", config);
    }

    /// <summary>Returns from an <c>execute</c> (or ends the script) with an optional value (<c>return</c>).</summary>
    public SwmlSection Return(JsonNode? value = null) => Add("return", value?.DeepClone());

    /// <summary>Waits <paramref name="milliseconds"/> (-1: forever) (<c>sleep</c>).</summary>
    public SwmlSection Sleep(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, -1);
        return Add("sleep", milliseconds);
    }

    /// <summary>Sets script variables (<c>set</c>).</summary>
    public SwmlSection Set(JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Add("set", variables.DeepClone());
    }

    /// <summary>Removes script variables (<c>unset</c>).</summary>
    public SwmlSection Unset(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Length switch
        {
            0 => throw new ArgumentException("At least one variable name is required.", nameof(names)),
            1 => Add("unset", names[0]),
            _ => Add("unset", Strings(names)),
        };
    }

    /// <summary>Branches on a variable's value (<c>switch</c>).</summary>
    public SwmlSection Switch(string variable, Action<SwmlSwitch> cases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(cases);
        var builder = new SwmlSwitch();
        cases(builder);
        return Add("switch", builder.ToJson(variable));
    }

    /// <summary>Branches on JavaScript conditions (<c>cond</c>).</summary>
    public SwmlSection Cond(Action<SwmlCond> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        var builder = new SwmlCond();
        branches(builder);
        return Add("cond", builder.ToJson());
    }

    /// <summary>Marks a point <see cref="Goto"/> can jump to (<c>label</c>).</summary>
    public SwmlSection Label(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return Add("label", label);
    }

    /// <summary>Jumps to a label, when <paramref name="when"/> holds, at most <paramref name="max"/> times (<c>goto</c>).</summary>
    public SwmlSection Goto(string label, string? when = null, int? max = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var config = new JsonObject { ["label"] = label };
        AddIf(config, "when", when);
        AddIf(config, "max", Positive(max, nameof(max)));
        return Add("goto", config);
    }

    /// <summary>Makes an HTTP request from the platform (<c>request</c>); with <paramref name="saveVariables"/> the JSON answer becomes variables.</summary>
    public SwmlSection Request(Uri url, HttpMethod method, IReadOnlyDictionary<string, string>? headers = null, JsonNode? body = null, bool? saveVariables = null, double? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(method);
        if (method.Method is not ("GET" or "POST" or "PUT" or "DELETE"))
        {
            throw new ArgumentException($"Method {method} is not allowed; use GET, POST, PUT or DELETE.", nameof(method));
        }

        var config = new JsonObject { ["url"] = url.ToString(), ["method"] = method.Method };
        AddIf(config, "headers", headers is null ? null : new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))));
        AddIf(config, "body", body?.DeepClone());
        AddIf(config, "timeout", timeout);
        AddIf(config, "save_variables", saveVariables);
        return Add("request", config);
    }

    /// <summary>Streams the call's audio to <paramref name="uri"/> (<c>rtp://</c>, <c>ws://</c> or <c>wss://</c>) (<c>tap</c>).</summary>
    public SwmlSection Tap(Uri uri, string? controlId = null, AudioDirection? direction = null, string? codec = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme is not ("rtp" or "ws" or "wss"))
        {
            throw new ArgumentException($"Tap destination '{uri}' must be rtp://, ws:// or wss://.", nameof(uri));
        }

        if (codec is not null and not ("PCMU" or "PCMA"))
        {
            throw new ArgumentException($"Tap codec '{codec}' must be PCMU or PCMA.", nameof(codec));
        }

        var config = new JsonObject { ["uri"] = uri.ToString() };
        AddIf(config, "control_id", controlId);
        AddIf(config, "direction", direction?.ToString().ToLowerInvariant());
        AddIf(config, "codec", codec);
        return Add("tap", config);
    }

    /// <summary>Stops a tap (<c>stop_tap</c>).</summary>
    public SwmlSection StopTap(string? controlId = null) => Add("stop_tap", ControlId(controlId));

    /// <summary>Sends an SMS, or an MMS with <paramref name="media"/> (<c>send_sms</c>).</summary>
    public SwmlSection SendSms(string toNumber, string fromNumber, string? body = null, IEnumerable<Uri>? media = null, string? region = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromNumber);
        var mediaList = media?.Select(m => m.ToString()).ToList();
        if (string.IsNullOrEmpty(body) && mediaList is not { Count: > 0 })
        {
            throw new ArgumentException("A message needs a body, media, or both.", nameof(body));
        }

        var config = new JsonObject { ["to_number"] = toNumber, ["from_number"] = fromNumber };
        AddIf(config, "body", string.IsNullOrEmpty(body) ? null : body);
        AddIf(config, "media", mediaList is { Count: > 0 } ? Strings(mediaList) : null);
        AddIf(config, "region", region);
        return Add("send_sms", config);
    }

    /// <summary>Collects a card payment through <paramref name="connectorUrl"/> (<c>pay</c>).</summary>
    public SwmlSection Pay(string connectorUrl, PaymentOptions? options = null) =>
        Add("pay", FunctionResult.PayConfig(connectorUrl, options ?? new PaymentOptions()));

    /// <summary>Joins a video room (<c>join_room</c>).</summary>
    public SwmlSection JoinRoom(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Add("join_room", new JsonObject { ["name"] = name });
    }

    /// <summary>Joins an audio conference (<c>join_conference</c>).</summary>
    public SwmlSection JoinConference(string name, ConferenceOptions? options = null) =>
        Add("join_conference", FunctionResult.ConferenceConfig(name, options ?? new ConferenceOptions()));

    /// <summary>Starts noise reduction (<c>denoise</c>).</summary>
    public SwmlSection Denoise() => Add("denoise", new JsonObject());

    /// <summary>Stops noise reduction (<c>stop_denoise</c>).</summary>
    public SwmlSection StopDenoise() => Add("stop_denoise", new JsonObject());

    /// <summary>Detects answering machines and fax tones (<c>detect_machine</c>).</summary>
    public SwmlSection DetectMachine(string? detectors = null, bool? wait = null, double? timeout = null, Uri? statusUrl = null)
    {
        var config = new JsonObject();
        AddIf(config, "detectors", detectors);
        AddIf(config, "wait", wait);
        AddIf(config, "timeout", timeout);
        AddIf(config, "status_url", statusUrl?.ToString());
        return Add("detect_machine", config);
    }

    /// <summary>Starts, stops or summarises live transcription (<c>live_transcribe</c>); <paramref name="action"/> is the schema's action object or <c>"stop"</c>.</summary>
    public SwmlSection LiveTranscribe(JsonNode action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add("live_transcribe", new JsonObject { ["action"] = action.DeepClone() });
    }

    /// <summary>Starts, stops or summarises live translation (<c>live_translate</c>); <paramref name="action"/> is the schema's action object or <c>"stop"</c>.</summary>
    public SwmlSection LiveTranslate(JsonNode action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add("live_translate", new JsonObject { ["action"] = action.DeepClone() });
    }

    /// <summary>Puts the caller in a queue until an agent connects; then <paramref name="transferAfterBridge"/> runs (<c>enter_queue</c>).</summary>
    public SwmlSection EnterQueue(string queueName, string transferAfterBridge, Uri? waitUrl = null, int? waitTimeSeconds = null, Uri? statusUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentException.ThrowIfNullOrWhiteSpace(transferAfterBridge);
        var config = new JsonObject { ["queue_name"] = queueName, ["transfer_after_bridge"] = transferAfterBridge };
        AddIf(config, "status_url", statusUrl?.ToString());
        AddIf(config, "wait_url", waitUrl?.ToString());
        AddIf(config, "wait_time", Positive(waitTimeSeconds, nameof(waitTimeSeconds)));
        return Add("enter_queue", config);
    }

    internal SwmlSection Clone()
    {
        var copy = new SwmlSection(Name);
        copy._verbs.AddRange(_verbs.Select(v => (JsonObject)v.DeepClone()));
        return copy;
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var verb in _verbs)
        {
            verb.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    /// <summary>Builds a nested list of verbs (the branches of <c>switch</c> and <c>cond</c>).</summary>
    internal static JsonArray Block(Action<SwmlSection> verbs)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        var block = new SwmlSection("block");
        verbs(block);
        return new JsonArray([.. block._verbs.Select(v => (JsonNode)v)]);
    }

    private SwmlSection Add(string verb, JsonNode? config)
    {
        _verbs.Add(new JsonObject { [verb] = config });
        return this;
    }

    private static JsonObject PlayConfig(JsonObject config, double? volume, string? voice, string? language)
    {
        if (volume is < -40 or > 40)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), volume, "Volume must be between -40 and 40 dB.");
        }

        AddIf(config, "volume", volume);
        AddIf(config, "say_voice", voice);
        AddIf(config, "say_language", language);
        return config;
    }

    private static JsonObject ControlId(string? controlId)
    {
        var config = new JsonObject();
        AddIf(config, "control_id", controlId);
        return config;
    }

    private static int? Positive(int? value, string name) =>
        value is <= 0 ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.") : value;
}
