using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>AI settings: languages, parameters and global data.</summary>
public partial class AgentBase
{

    /// <summary>Adds a language; <paramref name="voice"/> may be <c>engine.voice:model</c>.</summary>
    /// <param name="name">Display name, e.g. <c>English</c>.</param>
    /// <param name="code">Language code, e.g. <c>en-US</c>.</param>
    /// <param name="voice">Voice, or <c>engine.voice:model</c>.</param>
    /// <param name="speechFillers">Phrases said before the AI answers.</param>
    /// <param name="functionFillers">Phrases said while a tool runs.</param>
    public AgentBase AddLanguage(string name, string code, string voice, IEnumerable<string>? speechFillers = null, IEnumerable<string>? functionFillers = null)
    {
        var language = LanguageSettings.Create(name, code, voice) with
        {
            SpeechFillers = speechFillers?.ToArray(),
            FunctionFillers = functionFillers?.ToArray(),
        };
        return AddLanguage(language);
    }

    /// <summary>Adds a language with explicit engine and model.</summary>
    public AgentBase AddLanguage(LanguageSettings language)
    {
        ArgumentNullException.ThrowIfNull(language);
        language.Params?.Validate();
        return Mutate(() => _state.Languages.Add(language));
    }

    /// <summary>Replaces every language with <paramref name="languages"/>, in order (none leaves the platform's default).</summary>
    public AgentBase SetLanguages(params LanguageSettings[] languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        foreach (var language in languages)
        {
            ArgumentNullException.ThrowIfNull(language, nameof(languages));
            language.Params?.Validate();
        }

        return Mutate(() =>
        {
            _state.Languages.Clear();
            _state.Languages.AddRange(languages);
        });
    }

    /// <summary>Sets (or with <see langword="null"/> removes) the voice tuning of the first language with <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentException">No language has that code.</exception>
    public AgentBase SetLanguageParams(string code, VoiceParams? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        parameters?.Validate();
        return Mutate(() =>
        {
            var index = _state.Languages.FindIndex(l => l.Code == code);
            if (index < 0)
            {
                throw new ArgumentException($"No language with code '{code}' has been added.", nameof(code));
            }

            _state.Languages[index] = _state.Languages[index] with { Params = parameters };
        });
    }

    /// <summary>The languages added so far, in order.</summary>
    public IReadOnlyList<LanguageSettings> Languages
    {
        get
        {
            lock (_gate)
            {
                return [.. _state.Languages];
            }
        }
    }

    /// <summary>Merges several AI parameters (<c>ai.params</c>) at once.</summary>
    public AgentBase SetParams(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var copy = (JsonObject)parameters.DeepClone();
        return Mutate(() =>
        {
            foreach (var (key, value) in copy.ToArray())
            {
                copy.Remove(key);
                _state.Params[key] = value;
            }
        });
    }

    /// <summary>Sets one AI parameter (<c>ai.params</c>), e.g. <c>end_of_speech_timeout</c>.</summary>
    public AgentBase SetParam(string key, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var copy = value?.DeepClone();
        return Mutate(() => _state.Params[key] = copy);
    }

    /// <summary>Merges keys into the session's initial global data (<c>ai.global_data</c>).</summary>
    public AgentBase SetGlobalData(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var copy = (JsonObject)data.DeepClone();
        return Mutate(() =>
        {
            foreach (var (key, value) in copy.ToArray())
            {
                copy.Remove(key);
                _state.GlobalData[key] = value;
            }
        });
    }
}
