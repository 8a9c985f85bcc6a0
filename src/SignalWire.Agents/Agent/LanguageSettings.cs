namespace SignalWire.Agents;

/// <summary>A language the agent speaks and understands (<c>ai.languages[]</c>).</summary>
/// <param name="Name">Display name, e.g. <c>English</c>.</param>
/// <param name="Code">Language code, e.g. <c>en-US</c>.</param>
/// <param name="Voice">Voice name.</param>
/// <param name="Engine">TTS engine, when given separately or parsed from <c>engine.voice:model</c>.</param>
/// <param name="Model">TTS model, when given separately or parsed from <c>engine.voice:model</c>.</param>
public sealed record LanguageSettings(string Name, string Code, string Voice, string? Engine = null, string? Model = null)
{
    /// <summary>Phrases said between the caller's turn and the AI's answer (<c>speech_fillers</c>, or <c>fillers</c> when no function fillers are set).</summary>
    public IReadOnlyList<string>? SpeechFillers { get; init; }

    /// <summary>Phrases said while a tool runs (<c>function_fillers</c>, or <c>fillers</c> when no speech fillers are set).</summary>
    public IReadOnlyList<string>? FunctionFillers { get; init; }

    /// <summary>Voice tuning for this language (<c>params</c>); only ElevenLabs voices use it.</summary>
    public VoiceParams? Params { get; init; }

    /// <summary>
    /// Creates a language; a voice written as <c>engine.voice:model</c> (e.g.
    /// <c>elevenlabs.josh:eleven_turbo_v2_5</c>) is split into its three parts.
    /// </summary>
    public static LanguageSettings Create(string name, string code, string voice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        var dot = voice.IndexOf('.', StringComparison.Ordinal);
        var colon = voice.LastIndexOf(':');
        if (dot > 0 && colon > dot + 1 && colon < voice.Length - 1)
        {
            return new LanguageSettings(name, code, voice[(dot + 1)..colon], voice[..dot], voice[(colon + 1)..]);
        }

        return new LanguageSettings(name, code, voice);
    }
}
