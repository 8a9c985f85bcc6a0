using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>
/// The verbs around the AI: before answering, the <c>answer</c> verb itself, call recording, after
/// answering, and after the AI ends. The document runs pre-answer → answer → record_call → post-answer →
/// ai → post-AI.
/// </summary>
public partial class AgentBase
{
    /// <summary>The SWML verbs (the schema's list).</summary>
    public static readonly FrozenSet<string> SwmlVerbs = FrozenSet.Create(
        StringComparer.Ordinal,
        "answer", "ai", "amazon_bedrock", "cond", "connect", "denoise", "enter_queue", "execute", "goto", "label", "live_transcribe",
        "ai_sidecar", "live_translate", "hangup", "join_room", "join_conference", "play", "prompt", "receive_fax", "record",
        "record_call", "request", "return", "send_digits", "send_fax", "send_sms", "set", "sleep", "sip_refer", "stop_denoise",
        "stop_record_call", "stop_tap", "switch", "tap", "transfer", "unset", "pay", "detect_machine", "user_event");

    /// <summary>Verbs that are safe before the call is answered (no media is sent).</summary>
    public static readonly FrozenSet<string> PreAnswerVerbs = FrozenSet.Create(
        StringComparer.Ordinal,
        "transfer", "execute", "return", "label", "goto", "request", "switch", "cond", "set", "unset", "hangup", "send_sms", "sleep",
        "stop_record_call", "stop_denoise", "stop_tap", "play", "connect");

    /// <summary>Adds a verb to run before the call is answered (only verbs that send no media; see <see cref="PreAnswerVerbs"/>).</summary>
    public AgentBase AddPreAnswerVerb(string verb, JsonNode config)
    {
        var entry = Verb(verb, config);
        if (!PreAnswerVerbs.Contains(verb))
        {
            throw new ArgumentException($"'{verb}' is not safe before the call is answered; use one of: {string.Join(", ", PreAnswerVerbs.Order(StringComparer.Ordinal))}.", nameof(verb));
        }

        return Mutate(() => _state.PreAnswerVerbs.Add(entry));
    }

    /// <summary>Configures the <c>answer</c> verb (e.g. the longest call in seconds, the codecs offered).</summary>
    public AgentBase SetAnswerConfig(int? maxDuration = null, string? codecs = null)
    {
        var config = new JsonObject();
        if (maxDuration is { } seconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds, nameof(maxDuration));
            config["max_duration"] = seconds;
        }

        if (codecs is not null)
        {
            config["codecs"] = codecs;
        }

        return Mutate(() => _state.AnswerConfig = config);
    }

    /// <summary>Records the whole call after answering (<c>record_call</c> with <paramref name="format"/> wav, mp3 or mp4).</summary>
    public AgentBase EnableRecordCall(string format = "mp4", bool stereo = true)
    {
        if (format is not ("wav" or "mp3" or "mp4"))
        {
            throw new ArgumentException("format must be wav, mp3 or mp4.", nameof(format));
        }

        return Mutate(() => _state.RecordCall = (format, stereo));
    }

    /// <summary>Adds a verb to run after answering and before the AI (e.g. a greeting <c>play</c>).</summary>
    public AgentBase AddPostAnswerVerb(string verb, JsonNode config)
    {
        var entry = Verb(verb, config);
        return Mutate(() => _state.PostAnswerVerbs.Add(entry));
    }

    /// <summary>Adds a verb to run when the AI ends (e.g. <c>hangup</c>).</summary>
    public AgentBase AddPostAiVerb(string verb, JsonNode config)
    {
        var entry = Verb(verb, config);
        return Mutate(() => _state.PostAiVerbs.Add(entry));
    }

    /// <summary>Removes every verb added with <see cref="AddPreAnswerVerb"/>.</summary>
    public AgentBase ClearPreAnswerVerbs() => Mutate(_state.PreAnswerVerbs.Clear);

    /// <summary>Removes every verb added with <see cref="AddPostAnswerVerb"/>.</summary>
    public AgentBase ClearPostAnswerVerbs() => Mutate(_state.PostAnswerVerbs.Clear);

    /// <summary>Removes every verb added with <see cref="AddPostAiVerb"/>.</summary>
    public AgentBase ClearPostAiVerbs() => Mutate(_state.PostAiVerbs.Clear);

    /// <summary>The verbs before the <c>ai</c> verb, in order.</summary>
    private List<JsonObject> VerbsBeforeAi()
    {
        var verbs = new List<JsonObject>(_state.PreAnswerVerbs);
        if (Options.AutoAnswer)
        {
            verbs.Add(new JsonObject { ["answer"] = _state.AnswerConfig.DeepClone() });
        }

        if (_state.RecordCall is { } record)
        {
            verbs.Add(new JsonObject { ["record_call"] = new JsonObject { ["format"] = record.Format, ["stereo"] = record.Stereo } });
        }

        verbs.AddRange(_state.PostAnswerVerbs);
        return verbs;
    }

    private static JsonObject Verb(string verb, JsonNode config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (verb is null || !SwmlVerbs.Contains(verb) || verb is "ai" or "answer")
        {
            throw new ArgumentException($"'{verb}' is not an SWML verb that can be added here.", nameof(verb));
        }

        if (verb == "sleep" ? config is not JsonValue : config is not JsonObject)
        {
            throw new ArgumentException(verb == "sleep" ? "sleep takes a number of milliseconds." : $"'{verb}' takes an object.", nameof(config));
        }

        return new JsonObject { [verb] = config.DeepClone() };
    }
}
