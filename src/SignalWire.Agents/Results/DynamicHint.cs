using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>
/// One entry of an <c>add_dynamic_hints</c> action: a word or phrase the recognizer should expect
/// (<see cref="Word"/>, or a plain string), or a rewrite of what it hears (<see cref="Rewrite"/>).
/// </summary>
public sealed class DynamicHint
{
    private readonly JsonNode _json;

    private DynamicHint(JsonNode json) => _json = json;

    /// <summary>A word or phrase to expect.</summary>
    public static DynamicHint Word(string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        return new DynamicHint(JsonValue.Create(hint));
    }

    /// <summary>Rewrites what matches <paramref name="pattern"/> (a regular expression) to <paramref name="replace"/>.</summary>
    public static DynamicHint Rewrite(string pattern, string replace, bool ignoreCase = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(replace);
        var hint = new JsonObject { ["pattern"] = pattern, ["replace"] = replace };
        if (ignoreCase)
        {
            hint["ignore_case"] = true;
        }

        return new DynamicHint(hint);
    }

    /// <summary>A plain hint: <c>"Acme"</c> is <c>DynamicHint.Word("Acme")</c>.</summary>
    public static implicit operator DynamicHint(string hint) => Word(hint);

    /// <summary>The hint as <see cref="Word"/> (for languages without implicit conversions).</summary>
    public static DynamicHint FromString(string hint) => Word(hint);

    internal JsonNode ToJson() => _json.DeepClone();
}
