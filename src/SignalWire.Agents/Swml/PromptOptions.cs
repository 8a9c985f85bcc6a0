using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>How the <c>prompt</c> verb collects input after playing its audio; unset values take the platform's defaults.</summary>
public sealed record PromptOptions
{
    /// <summary>Volume of the audio, −40 to 40 dB.</summary>
    public double? Volume { get; init; }

    /// <summary>Text-to-speech voice for <c>say:</c> URLs (e.g. <c>Polly.Joanna</c>).</summary>
    public string? SayVoice { get; init; }

    /// <summary>Text-to-speech language (e.g. <c>en-US</c>).</summary>
    public string? SayLanguage { get; init; }

    /// <summary>Text-to-speech gender (e.g. <c>female</c>).</summary>
    public string? SayGender { get; init; }

    /// <summary>Digits to collect (platform default 1).</summary>
    public int? MaxDigits { get; init; }

    /// <summary>Digits that end collection (e.g. <c>#</c>).</summary>
    public string? Terminators { get; init; }

    /// <summary>Seconds to wait for the next digit.</summary>
    public double? DigitTimeout { get; init; }

    /// <summary>Seconds to wait for input to start.</summary>
    public double? InitialTimeout { get; init; }

    /// <summary>Longest wait for a speech result, in seconds (setting a speech value turns speech collection on).</summary>
    public double? SpeechTimeout { get; init; }

    /// <summary>Seconds of silence that end an utterance.</summary>
    public double? SpeechEndTimeout { get; init; }

    /// <summary>Language to recognise speech in.</summary>
    public string? SpeechLanguage { get; init; }

    /// <summary>Words or phrases that bias recognition.</summary>
    public IReadOnlyList<string>? SpeechHints { get; init; }

    /// <summary>Speech-recognition engine (e.g. <c>Deepgram</c>).</summary>
    public string? SpeechEngine { get; init; }

    /// <summary>Where prompt status events are posted.</summary>
    public Uri? StatusUrl { get; init; }

    internal void CopyTo(JsonObject config)
    {
        Check(Volume, nameof(Volume), -40, 40, "between -40 and 40");
        Check(MaxDigits, nameof(MaxDigits), 1, int.MaxValue, "positive");
        foreach (var (value, name) in new[] { (DigitTimeout, nameof(DigitTimeout)), (InitialTimeout, nameof(InitialTimeout)), (SpeechTimeout, nameof(SpeechTimeout)), (SpeechEndTimeout, nameof(SpeechEndTimeout)) })
        {
            Check(value, name, double.Epsilon, double.MaxValue, "a positive number of seconds");
        }

        AddIf(config, "volume", Volume);
        AddIf(config, "say_voice", SayVoice);
        AddIf(config, "say_language", SayLanguage);
        AddIf(config, "say_gender", SayGender);
        AddIf(config, "max_digits", MaxDigits);
        AddIf(config, "terminators", Terminators);
        AddIf(config, "digit_timeout", DigitTimeout);
        AddIf(config, "initial_timeout", InitialTimeout);
        AddIf(config, "speech_timeout", SpeechTimeout);
        AddIf(config, "speech_end_timeout", SpeechEndTimeout);
        AddIf(config, "speech_language", SpeechLanguage);
        AddList(config, "speech_hints", SpeechHints);
        AddIf(config, "speech_engine", SpeechEngine);
        AddIf(config, "status_url", StatusUrl?.ToString());
    }

    private static void Check(double? value, string name, double min, double max, string rule)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}.");
        }
    }
}
