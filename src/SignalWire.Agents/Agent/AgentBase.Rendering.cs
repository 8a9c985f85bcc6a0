using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;
using SignalWire.Agents.Json;

namespace SignalWire.Agents;

/// <summary>Snapshot of the configuration parts of the document that do not change per request.</summary>
public partial class AgentBase
{
    private AiStaticParts? _static;

    /// <summary>The pre-serialised, request-independent parts of the <c>ai</c> verb, rebuilt after any change.</summary>
    internal AiStaticParts GetStaticParts()
    {
        var parts = Volatile.Read(ref _static);
        if (parts is not null)
        {
            return parts;
        }

        lock (_gate)
        {
            return _static ??= BuildStaticParts();
        }
    }

    /// <summary>Runs a configuration change under the agent's lock and invalidates the cached document parts.</summary>
    private AgentBase Mutate(Action change)
    {
        lock (_gate)
        {
            change();
            Volatile.Write(ref _static, null);
        }

        return this;
    }

    private AiStaticParts BuildStaticParts()
    {
        var contexts = _state.Contexts;
        contexts?.ValidateTools([.. Tools.All.Select(t => t.Name)]);
        var prompt = Write(w =>
        {
            w.WriteStartObject();
            var confirmation = NeedsConfirmationSection();
            if (_state.Pom.Sections.Count > 0 || (_state.PromptText is null && confirmation is not null))
            {
                w.WriteStartArray("pom");
                foreach (var section in _state.Pom.Sections)
                {
                    section.WriteTo(w);
                }

                confirmation?.WriteTo(w);
                w.WriteEndArray();
            }
            else
            {
                // An empty "pom" array is invalid SWML, so an agent without sections gets a default text prompt.
                var text = _state.PromptText ?? $"You are {Name}, a helpful AI assistant.";
                if (confirmation is not null)
                {
                    text += $"\n\n## {confirmation.Title}\n\n" + string.Join("\n", confirmation.Bullets.Select(b => "- " + b));
                }

                w.WriteString("text", text);
            }

            if (contexts is not null)
            {
                w.WritePropertyName("contexts");
                contexts.Json.WriteTo(w);
            }

            WriteProperties(w, _state.PromptLlmParams);
            w.WriteEndObject();
        });

        var postPrompt = _state.PostPrompt is null ? null : Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("text", _state.PostPrompt);
            WriteProperties(w, _state.PostPromptLlmParams);
            w.WriteEndObject();
        });

        var parameters = Write(w => _state.Params.WriteTo(w));
        var languages = _state.Languages.Count == 0 ? null : Write(w =>
        {
            w.WriteStartArray();
            foreach (var language in _state.Languages)
            {
                w.WriteStartObject();
                w.WriteString("name", language.Name);
                w.WriteString("code", language.Code);
                w.WriteString("voice", language.Voice);
                if (language.Engine is not null)
                {
                    w.WriteString("engine", language.Engine);
                }

                if (language.Model is not null)
                {
                    w.WriteString("model", language.Model);
                }

                WriteLanguageExtras(w, language);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        var globalData = _state.GlobalData.Count == 0 ? null : Write(w => _state.GlobalData.WriteTo(w));
        var hints = _state.Hints.Count == 0 ? null : Write(w => _state.Hints.WriteTo(w));
        var pronounce = _state.Pronounce.Count == 0 ? null : Write(w => _state.Pronounce.WriteTo(w));
        var swaig = new JsonObject();
        if (_state.NativeFunctions.Count > 0)
        {
            swaig["native_functions"] = new JsonArray([.. _state.NativeFunctions.Select(n => (JsonNode)JsonValue.Create(n))]);
        }

        if (_state.Includes.Count > 0)
        {
            swaig["includes"] = _state.Includes.DeepClone();
        }

        if (_state.InternalFillers.Count > 0)
        {
            swaig["internal_fillers"] = _state.InternalFillers.DeepClone();
        }

        return new AiStaticParts(prompt, postPrompt, parameters, languages, globalData, hints, pronounce, Json.RawJsonProperties.From(swaig))
        {
            SwaigQuery = SwaigQueryString(),
            PostPromptUrl = _state.PostPromptUrl?.ToString(),
            WebHookUrl = _state.WebHookUrl?.ToString(),
            DebugEventsLevel = _state.DebugEventsLevel,
            ParamsForDebug = _state.DebugEventsLevel is null ? null : Json.RawJsonProperties.From(ParamsWithoutDebugKeys()),
            Multilingual = _state.Multilingual is null ? null : Write(_state.Multilingual.WriteTo),
            VerbsBefore = [.. VerbsBeforeAi().Select(v => Write(w => v.WriteTo(w)))],
            VerbsAfter = [.. _state.PostAiVerbs.Select(v => Write(w => v.WriteTo(w)))],
        };
    }

    /// <summary>The confirmation protocol section, when a tool requires confirmation and the prompt lacks it.</summary>
    private Prompt.PromptSection? NeedsConfirmationSection()
    {
        if (_state.Pom.Find(SignalWire.Agents.Tools.Confirmation.SectionTitle) is not null || !this.Tools.All.Any(t => t.Options.RequiresConfirmation))
        {
            return null;
        }

        return new Prompt.PromptSection(SignalWire.Agents.Tools.Confirmation.SectionTitle, bullets: SignalWire.Agents.Tools.Confirmation.SectionBullets);
    }

    private JsonObject ParamsWithoutDebugKeys()
    {
        var copy = (JsonObject)_state.Params.DeepClone();
        copy.Remove("debug_webhook_url");
        copy.Remove("debug_webhook_level");
        return copy;
    }

    /// <summary>Fillers (both kinds, or the legacy single <c>fillers</c> key when only one is set) and voice params.</summary>
    private static void WriteLanguageExtras(Utf8JsonWriter w, LanguageSettings language)
    {
        var speech = language.SpeechFillers is { Count: > 0 } s ? s : null;
        var function = language.FunctionFillers is { Count: > 0 } f ? f : null;
        if (speech is not null && function is not null)
        {
            WriteList(w, "speech_fillers", speech);
            WriteList(w, "function_fillers", function);
        }
        else if ((speech ?? function) is { } only)
        {
            WriteList(w, "fillers", only);
        }

        if (language.Params is { IsEmpty: false } p)
        {
            w.WriteStartObject("params");
            if (p.Stability is { } stability)
            {
                w.WriteNumber("stability", stability);
            }

            if (p.Similarity is { } similarity)
            {
                w.WriteNumber("similarity", similarity);
            }

            foreach (var (key, value) in p.AdditionalParameters ?? new Dictionary<string, JsonNode?>())
            {
                w.WritePropertyName(key);
                if (value is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    value.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }
    }

    /// <summary>Writes each property of <paramref name="source"/> into the object being written.</summary>
    internal static void WriteProperties(Utf8JsonWriter writer, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            writer.WritePropertyName(key);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, SwmlJson.WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Pre-serialised JSON of the request-independent parts of the <c>ai</c> verb.</summary>
internal sealed record AiStaticParts(byte[] Prompt, byte[]? PostPrompt, byte[] Params, byte[]? Languages, byte[]? GlobalData, byte[]? Hints, byte[]? Pronounce, Json.RawJsonProperties SwaigHead)
{
    /// <summary>The verbs before <c>ai</c> (pre-answer, answer, record_call, post-answer), each serialised.</summary>
    public required byte[][] VerbsBefore { get; init; }

    /// <summary>The verbs after <c>ai</c>, each serialised.</summary>
    public required byte[][] VerbsAfter { get; init; }

    /// <summary>SWAIG query parameters for generated URLs (form-encoded, no <c>?</c>); empty when none.</summary>
    public string SwaigQuery { get; init; } = string.Empty;

    /// <summary>A fixed <c>post_prompt_url</c> replacing the generated one.</summary>
    public string? PostPromptUrl { get; init; }

    /// <summary>A fixed <c>SWAIG.defaults.web_hook_url</c> replacing the generated one.</summary>
    public string? WebHookUrl { get; init; }

    /// <summary>Debug-event level when debug events are on.</summary>
    public int? DebugEventsLevel { get; init; }

    /// <summary>The params, pre-serialised property by property, kept only when per-request keys (the debug URL) must be added to them.</summary>
    public Json.RawJsonProperties? ParamsForDebug { get; init; }

    /// <summary><c>ai.multilingual</c>, serialised.</summary>
    public byte[]? Multilingual { get; init; }
}
