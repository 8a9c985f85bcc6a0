using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;

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
        var prompt = Write(w =>
        {
            w.WriteStartObject();
            var confirmation = NeedsConfirmationSection();
            if (_pom.Sections.Count > 0 || (_promptText is null && confirmation is not null))
            {
                w.WriteStartArray("pom");
                foreach (var section in _pom.Sections)
                {
                    section.WriteTo(w);
                }

                confirmation?.WriteTo(w);
                w.WriteEndArray();
            }
            else
            {
                // An empty "pom" array is invalid SWML, so an agent without sections gets a default text prompt.
                var text = _promptText ?? $"You are {Name}, a helpful AI assistant.";
                if (confirmation is not null)
                {
                    text += $"\n\n## {confirmation.Title}\n\n" + string.Join("\n", confirmation.Bullets.Select(b => "- " + b));
                }

                w.WriteString("text", text);
            }

            WriteProperties(w, _promptLlmParams);
            w.WriteEndObject();
        });

        var postPrompt = _postPrompt is null ? null : Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("text", _postPrompt);
            WriteProperties(w, _postPromptLlmParams);
            w.WriteEndObject();
        });

        var parameters = Write(w => _params.WriteTo(w));
        var languages = _languages.Count == 0 ? null : Write(w =>
        {
            w.WriteStartArray();
            foreach (var language in _languages)
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

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        var globalData = _globalData.Count == 0 ? null : Write(w => _globalData.WriteTo(w));
        var hints = _hints.Count == 0 ? null : Write(w => _hints.WriteTo(w));
        var pronounce = _pronounce.Count == 0 ? null : Write(w => _pronounce.WriteTo(w));
        var swaig = new JsonObject();
        if (_nativeFunctions.Count > 0)
        {
            swaig["native_functions"] = new JsonArray([.. _nativeFunctions.Select(n => (JsonNode)JsonValue.Create(n))]);
        }

        if (_includes.Count > 0)
        {
            swaig["includes"] = _includes.DeepClone();
        }

        if (_internalFillers.Count > 0)
        {
            swaig["internal_fillers"] = _internalFillers.DeepClone();
        }

        return new AiStaticParts(prompt, postPrompt, parameters, languages, globalData, hints, pronounce, swaig)
        {
            VerbsBefore = [.. VerbsBeforeAi().Select(v => Write(w => v.WriteTo(w)))],
            VerbsAfter = [.. _postAiVerbs.Select(v => Write(w => v.WriteTo(w)))],
        };
    }

    /// <summary>The confirmation protocol section, when a tool requires confirmation and the prompt lacks it.</summary>
    private Prompt.PromptSection? NeedsConfirmationSection()
    {
        if (_pom.Find(SignalWire.Agents.Tools.Confirmation.SectionTitle) is not null || !this.Tools.All.Any(t => t.Options.RequiresConfirmation))
        {
            return null;
        }

        return new Prompt.PromptSection(SignalWire.Agents.Tools.Confirmation.SectionTitle, bullets: SignalWire.Agents.Tools.Confirmation.SectionBullets);
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
internal sealed record AiStaticParts(byte[] Prompt, byte[]? PostPrompt, byte[] Params, byte[]? Languages, byte[]? GlobalData, byte[]? Hints, byte[]? Pronounce, JsonObject SwaigHead)
{
    /// <summary>The verbs before <c>ai</c> (pre-answer, answer, record_call, post-answer), each serialised.</summary>
    public required byte[][] VerbsBefore { get; init; }

    /// <summary>The verbs after <c>ai</c>, each serialised.</summary>
    public required byte[][] VerbsAfter { get; init; }
}
