using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Typed helpers for the most used AI parameters (<c>ai.params</c>); each checks the range the SWML schema allows.</summary>
public partial class AgentBase
{
    /// <summary>Silence after speech that ends the caller's turn (<c>end_of_speech_timeout</c>, 250 ms to 10 s).</summary>
    public AgentBase SetEndOfSpeechTimeout(TimeSpan timeout) => SetParam("end_of_speech_timeout", Milliseconds(timeout, 250, 10_000));

    /// <summary>Silence before the AI prompts the caller again (<c>attention_timeout</c>, 10 s to 10 min; zero disables it).</summary>
    public AgentBase SetAttentionTimeout(TimeSpan timeout) =>
        SetParam("attention_timeout", timeout == TimeSpan.Zero ? 0 : Milliseconds(timeout, 10_000, 600_000));

    /// <summary>Silence before the call is ended (<c>inactivity_timeout</c>, 10 s to 1 h).</summary>
    public AgentBase SetInactivityTimeout(TimeSpan timeout) => SetParam("inactivity_timeout", Milliseconds(timeout, 10_000, 3_600_000));

    /// <summary>The language model (<c>ai_model</c>), e.g. <c>gpt-4o-mini</c>.</summary>
    public AgentBase SetAiModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return SetParam("ai_model", model);
    }

    /// <summary>The IANA time zone the AI assumes (<c>local_tz</c>), e.g. <c>America/Chicago</c>.</summary>
    public AgentBase SetLocalTimeZone(string timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        return SetParam("local_tz", timeZone);
    }

    /// <summary>A fixed greeting said when the call starts (<c>static_greeting</c>); <paramref name="noBarge"/> stops callers talking over it.</summary>
    public AgentBase SetStaticGreeting(string greeting, bool noBarge = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(greeting);
        return SetParams(new JsonObject { ["static_greeting"] = greeting, ["static_greeting_no_barge"] = noBarge });
    }

    /// <summary>Volume of the AI's voice (<c>ai_volume</c>, -50 to 50).</summary>
    public AgentBase SetAiVolume(int volume)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(volume, -50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, 50);
        return SetParam("ai_volume", volume);
    }

    /// <summary>Wait for the caller to speak first (<c>wait_for_user</c>).</summary>
    public AgentBase SetWaitForUser(bool wait) => SetParam("wait_for_user", wait);

    /// <summary>Words the caller must say before interrupting the AI counts (<c>barge_min_words</c>, 1 to 99).</summary>
    public AgentBase SetBargeMinWords(int words)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words, 99);
        return SetParam("barge_min_words", words);
    }

    /// <summary>Music played while the caller is on hold (<c>hold_music</c>).</summary>
    public AgentBase SetHoldMusic(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return SetParam("hold_music", url.ToString());
    }

    /// <summary>Send the conversation so far with every tool call (<c>swaig_post_conversation</c>; fills <c>call_log</c>).</summary>
    public AgentBase SetSwaigPostConversation(bool enabled) => SetParam("swaig_post_conversation", enabled);

    /// <summary>Send the SWML variables with every tool call (<c>swaig_post_swml_vars</c>; fills <c>SWMLVars</c>).</summary>
    public AgentBase SetSwaigPostSwmlVars(bool enabled) => SetParam("swaig_post_swml_vars", enabled);

    private static int Milliseconds(TimeSpan value, int minimum, int maximum)
    {
        var ms = (long)value.TotalMilliseconds;
        return ms >= minimum && ms <= maximum
            ? (int)ms
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Must be between {minimum} ms and {maximum} ms.");
    }
}
