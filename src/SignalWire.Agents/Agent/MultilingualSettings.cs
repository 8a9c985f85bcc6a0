using System.Text.Json;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents;

/// <summary>
/// ASR-driven multilingual mode (<c>ai.multilingual</c>): the recognizer detects each utterance's language
/// and the agent answers in it with the matching voice. When set, the platform prefers it over <c>languages</c>.
/// </summary>
public sealed record MultilingualSettings
{
    /// <summary>One voice per base language code; the first (or <c>default</c>) entry is used to open.</summary>
    public required IReadOnlyList<MultilingualVoice> Languages { get; init; }

    /// <summary>ASR engine (platform default deepgram).</summary>
    public string? Engine { get; init; }

    /// <summary>ASR model (platform default nova-3).</summary>
    public string? Model { get; init; }

    /// <summary>ASR provider (deepgram, gladia, grok).</summary>
    public string? Provider { get; init; }

    /// <summary>Base code the agent opens in (platform default <c>en</c>).</summary>
    public string? StartLanguage { get; init; }

    /// <summary>Base codes the agent may switch into.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>Words an utterance needs before a detected switch is trusted (platform default 2).</summary>
    public int? MinSwitchWords { get; init; }

    /// <summary>Speech fillers, auto-translated.</summary>
    public IReadOnlyList<string>? Fillers { get; init; }

    /// <summary>Function-call fillers, auto-translated.</summary>
    public IReadOnlyList<string>? FunctionFillers { get; init; }

    internal void Validate()
    {
        if (Languages is not { Count: > 0 })
        {
            throw new ArgumentException("Multilingual mode needs at least one language voice.", nameof(Languages));
        }

        if (MinSwitchWords is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSwitchWords), MinSwitchWords, "MinSwitchWords must be at least 1.");
        }
    }

    internal void WriteTo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("languages");
        foreach (var voice in Languages)
        {
            w.WriteStartObject();
            w.WriteString("language", voice.Language);
            w.WriteString("voice", voice.Voice);
            WriteIf(w, "engine", voice.Engine);
            WriteIf(w, "model", voice.Model);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteIf(w, "engine", Engine);
        WriteIf(w, "model", Model);
        WriteIf(w, "provider", Provider);
        WriteIf(w, "start_language", StartLanguage);
        WriteList(w, "allowed", Allowed);
        if (MinSwitchWords is { } words)
        {
            w.WriteNumber("min_switch_words", words);
        }

        WriteList(w, "fillers", Fillers);
        WriteList(w, "function_fillers", FunctionFillers);
        w.WriteEndObject();
    }
}
