using SignalWire.Agents.Swaig;
using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Speech and SWAIG settings: hints, pronunciations, native functions, internal fillers, includes, LLM parameters.</summary>
public partial class AgentBase
{
    /// <summary>Native functions the platform provides (the SWML schema's list; see <see cref="SwaigVocabulary"/>).</summary>
    public static readonly FrozenSet<string> NativeFunctionNames = SwaigVocabulary.NativeFunctionNames;

    /// <summary>Internal functions that accept filler phrases (the SWML schema's list; see <see cref="SwaigVocabulary"/>).</summary>
    public static readonly FrozenSet<string> InternalFillerFunctions = SwaigVocabulary.InternalFillerFunctions;

    /// <summary>Adds words the speech recognizer should expect (<c>ai.hints</c>).</summary>
    public AgentBase AddHints(params string[] hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        foreach (var hint in hints)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(hint, nameof(hints));
        }

        return Mutate(() =>
        {
            foreach (var hint in hints)
            {
                _state.Hints.Add((JsonNode)JsonValue.Create(hint));
            }
        });
    }

    /// <summary>Adds a hint that rewrites what matches <paramref name="pattern"/> to <paramref name="replace"/>.</summary>
    public AgentBase AddPatternHint(string hint, string pattern, string replace, bool ignoreCase = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(replace);
        return Mutate(() => _state.Hints.Add((JsonNode)new JsonObject { ["hint"] = hint, ["pattern"] = pattern, ["replace"] = replace, ["ignore_case"] = ignoreCase }));
    }

    /// <summary>Makes the AI say <paramref name="with"/> wherever it would say <paramref name="replace"/> (<c>ai.pronounce</c>).</summary>
    public AgentBase AddPronunciation(string replace, string with, bool ignoreCase = false)
    {
        var entry = PronunciationJson(new Pronunciation(replace, with, ignoreCase));
        return Mutate(() => _state.Pronounce.Add((JsonNode)entry));
    }

    /// <summary>Replaces every pronunciation rule with <paramref name="rules"/>, in order.</summary>
    public AgentBase SetPronunciations(params Pronunciation[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ReplaceAll(_state.Pronounce, rules.Select(PronunciationJson).ToList());
    }

    /// <summary>Enables platform-provided functions (<c>SWAIG.native_functions</c>).</summary>
    /// <exception cref="ArgumentException">A name the platform does not provide.</exception>
    public AgentBase SetNativeFunctions(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (name is null || !NativeFunctionNames.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not a native function; use one of: {string.Join(", ", NativeFunctionNames.Order(StringComparer.Ordinal))}.", nameof(names));
            }
        }

        return Mutate(() =>
        {
            _state.NativeFunctions.Clear();
            _state.NativeFunctions.AddRange(names.Distinct(StringComparer.Ordinal));
        });
    }

    /// <summary>
    /// Sets the phrases said while the internal function <paramref name="function"/> runs in
    /// <paramref name="languageCode"/>; other languages set for the function are kept
    /// (<c>{"next_step": {"en-US": [...], "es-ES": [...]}}</c>, as the platform and the reference SDKs use).
    /// The official SWML schema allows one language per function, so a document with two does not pass <c>ValidateSwml</c>.
    /// </summary>
    public AgentBase SetInternalFillers(string function, string languageCode, params string[] phrases)
    {
        if (function is null || !InternalFillerFunctions.Contains(function))
        {
            throw new ArgumentException($"'{function}' does not take fillers; use one of: {string.Join(", ", InternalFillerFunctions.Order(StringComparer.Ordinal))}.", nameof(function));
        }

        var fillers = SwaigVocabulary.FillerSet(languageCode, phrases);
        return Mutate(() =>
        {
            if (_state.InternalFillers[function] is JsonObject existing)
            {
                existing[languageCode] = fillers[languageCode]!.DeepClone();
            }
            else
            {
                _state.InternalFillers[function] = fillers;
            }
        });
    }

    /// <summary>Includes remote functions served at <paramref name="url"/> (<c>SWAIG.includes</c>).</summary>
    public AgentBase AddFunctionInclude(Uri url, IEnumerable<string> functions, JsonObject? metaData = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var include = IncludeJson(new FunctionInclude(url, [.. functions], metaData));
        return Mutate(() => _state.Includes.Add((JsonNode)include));
    }

    /// <summary>Replaces every function include with <paramref name="includes"/>, in order.</summary>
    public AgentBase SetFunctionIncludes(params FunctionInclude[] includes)
    {
        ArgumentNullException.ThrowIfNull(includes);
        return ReplaceAll(_state.Includes, includes.Select(IncludeJson).ToList());
    }

    /// <summary>Sets LLM parameters of the main prompt (merged into <c>ai.prompt</c>).</summary>
    public AgentBase SetPromptLlmParams(LlmParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Mutate(() => parameters.CopyTo(_state.PromptLlmParams));
    }

    /// <summary>Sets LLM parameters of the post-prompt (merged into <c>ai.post_prompt</c>).</summary>
    public AgentBase SetPostPromptLlmParams(LlmParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Mutate(() => parameters.CopyTo(_state.PostPromptLlmParams));
    }

    /// <summary>Replaces the contents of a list in the definition with <paramref name="entries"/> (built and checked beforehand).</summary>
    private AgentBase ReplaceAll(JsonArray target, List<JsonObject> entries) => Mutate(() =>
    {
        target.Clear();
        entries.ForEach(e => target.Add((JsonNode)e));
    });

    private static JsonObject PronunciationJson(Pronunciation rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Replace, "replace");
        ArgumentNullException.ThrowIfNull(rule.With, "with");
        var entry = new JsonObject { ["replace"] = rule.Replace, ["with"] = rule.With };
        if (rule.IgnoreCase)
        {
            entry["ignore_case"] = true;
        }

        return entry;
    }

    private static JsonObject IncludeJson(FunctionInclude include)
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(include.Url, "url");
        ArgumentNullException.ThrowIfNull(include.Functions, "functions");
        if (include.Functions.Count == 0 || include.Functions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one function to include, none of them empty.", nameof(include));
        }

        var json = new JsonObject { ["url"] = include.Url.ToString(), ["functions"] = new JsonArray([.. include.Functions.Select(f => (JsonNode)JsonValue.Create(f))]) };
        if (include.MetaData is not null)
        {
            json["meta_data"] = include.MetaData.DeepClone();
        }

        return json;
    }
}
