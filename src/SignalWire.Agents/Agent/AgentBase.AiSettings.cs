using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>AI settings: languages, parameters and global data.</summary>
public partial class AgentBase
{
    private readonly List<LanguageSettings> _languages = [];
    private readonly JsonObject _params = [];
    private readonly JsonObject _globalData = [];

    /// <summary>Adds a language; <paramref name="voice"/> may be <c>engine.voice:model</c>.</summary>
    public AgentBase AddLanguage(string name, string code, string voice)
    {
        var language = LanguageSettings.Create(name, code, voice);
        return Mutate(() => _languages.Add(language));
    }

    /// <summary>Adds a language with explicit engine and model.</summary>
    public AgentBase AddLanguage(LanguageSettings language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Mutate(() => _languages.Add(language));
    }

    /// <summary>Sets one AI parameter (<c>ai.params</c>), e.g. <c>end_of_speech_timeout</c>.</summary>
    public AgentBase SetParam(string key, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var copy = value?.DeepClone();
        return Mutate(() => _params[key] = copy);
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
                _globalData[key] = value;
            }
        });
    }
}
