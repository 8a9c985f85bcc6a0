using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Destinations;

/// <summary>What a dial-out does, which decides the rule its targets are checked with and the cap it counts against.</summary>
internal enum DialOutKind
{
    /// <summary>Moves the call (<c>connect</c>, <c>transfer</c>, <c>execute</c>, <c>sip_refer</c>, an RPC dial): counts against the transfer cap.</summary>
    Transfer,

    /// <summary>Sends a text message: counts against the message cap.</summary>
    Message,

    /// <summary>Where more SWML comes from (<c>transfer_after_bridge</c>, <c>confirm</c>, <c>dest_swml</c>, SWML given as text): checked, not counted.</summary>
    SwmlSource,

    /// <summary>Where call audio or payment data is sent (<c>tap</c>, <c>pay</c>): checked against the data-host list, not counted.</summary>
    DataSink,
}

/// <summary>One value a dial-out names, or the reason it could not be read at all.</summary>
/// <param name="Value">The destination as written (or a description when there is none).</param>
/// <param name="Refusal">Set when the value cannot be checked (<c>unreadable_swml</c>, <c>too_deep</c>, <c>no_destination</c>).</param>
internal readonly record struct DialTarget(string Value, string? Refusal = null);

/// <summary>What an action does on the phone network or with the call's data: one entry per verb or SWML-valued field.</summary>
/// <param name="Verb">The verb or field (<c>connect</c>, <c>transfer</c>, <c>execute</c>, <c>sip_refer</c>, <c>dial</c>, <c>send_sms</c>, <c>tap</c>, <c>pay</c>, <c>transfer_after_bridge</c>, <c>confirm</c>, <c>dest_swml</c>, <c>SWML</c>, <c>raw_swml</c>).</param>
/// <param name="Targets">Every destination it names; empty when it names none of its own (inline SWML, walked separately).</param>
/// <param name="Kind">How its targets are checked and counted.</param>
internal sealed record DialOut(string Verb, IReadOnlyList<DialTarget> Targets, DialOutKind Kind)
{
    /// <summary>The first target's value, for the AI's notice and the audit line.</summary>
    public string FirstValue => Targets.Count > 0 ? Targets[0].Value : "(inline SWML)";
}

/// <summary>
/// Finds everything in an action that reaches the phone network or sends call data out, wherever it is nested: a
/// SWML document's sections, <c>cond</c>/<c>switch</c> branches, <c>connect</c> device lists, an <c>execute_rpc</c>,
/// and every field the SWML schema lets hold "a URL that returns SWML" or "inline SWML as a JSON string" (such text
/// is parsed and walked like the rest; text that is neither JSON, a URL nor a section name cannot be read).
/// </summary>
internal static class ActionDestinations
{
    private const int MaxDepth = 64;

    private static readonly JsonDocumentOptions InlineSwmlOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Every dial-out in <paramref name="action"/> (an empty list, allocated once, for the common action that has none).</summary>
    public static IReadOnlyList<DialOut> Find(JsonObject action)
    {
        List<DialOut>? found = null;
        Walk(action, ref found, depth: 0, inConnect: false);
        return found ?? (IReadOnlyList<DialOut>)[];
    }

    private static void Walk(JsonNode? node, ref List<DialOut>? found, int depth, bool inConnect)
    {
        if (depth > MaxDepth)
        {
            // Deeper than any request could be parsed; refuse rather than recurse without end.
            (found ??= []).Add(new DialOut("too_deep", [new DialTarget("(nested too deeply)", "too_deep")], DialOutKind.Transfer));
            return;
        }

        switch (node)
        {
            // Indexed loops: the JsonArray and JsonObject enumerators are boxed, and this runs for every result.
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], ref found, depth + 1, inConnect);
                }

                break;
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    Inspect(key, value, obj, ref found, depth, inConnect);
                    Walk(value, ref found, depth + 1, inConnect || key == "connect");
                }

                break;
        }
    }

    private static void Inspect(string key, JsonNode? value, JsonObject parent, ref List<DialOut>? found, int depth, bool inConnect)
    {
        switch (key)
        {
            case "connect" when value is JsonObject connect:
                Add(ref found, new DialOut(key, Strings(connect, "to"), DialOutKind.Transfer));
                break;
            case "transfer" or "execute" when value is JsonObject verb:
                // dest: a section, a URL that returns SWML, or inline SWML as a JSON string.
                Add(ref found, new DialOut(key, SwmlValued(verb["dest"], ref found, depth, required: true), DialOutKind.Transfer));
                break;
            case "sip_refer" when value is JsonObject refer:
                Add(ref found, new DialOut(key, Strings(refer, "to_uri"), DialOutKind.Transfer));
                break;
            case "send_sms" when value is JsonObject sms:
                Add(ref found, new DialOut(key, Strings(sms, "to_number"), DialOutKind.Message));
                break;
            case "tap" when value is JsonObject tap:
                Add(ref found, new DialOut(key, Strings(tap, "uri"), DialOutKind.DataSink));
                break;
            case "pay" when value is JsonObject pay && pay["payment_connector_url"] is not null:
                Add(ref found, new DialOut(key, Strings(pay, "payment_connector_url"), DialOutKind.DataSink));
                break;
            case "method" when value is JsonValue method && method.TryGetValue<string>(out var name) && name is "dial" or "calling.dial":
                Add(ref found, new DialOut(name, Strings(parent, "to_number", "to"), DialOutKind.Transfer));
                break;
            case "transfer_after_bridge" or "dest_swml" or "SWML" or "raw_swml" when value is JsonValue:
                AddSource(key, value, ref found, depth);
                break;
            case "confirm" when inConnect && value is JsonValue:
                // Inside a connect, confirm is a URL that returns SWML (or an array of verbs, walked as any other).
                AddSource(key, value, ref found, depth);
                break;
        }
    }

    private static void AddSource(string key, JsonNode value, ref List<DialOut>? found, int depth)
    {
        var targets = SwmlValued(value, ref found, depth, required: false);
        if (targets.Count > 0)
        {
            Add(ref found, new DialOut(key, targets, DialOutKind.SwmlSource));
        }
    }

    /// <summary>
    /// Reads a field that holds a section name, a URL or inline SWML: inline SWML (a JSON object or array in a string)
    /// is parsed and walked, adding what it holds to <paramref name="found"/>; anything else is returned as a target
    /// to check, and text that is none of these is returned as unreadable.
    /// </summary>
    private static List<DialTarget> SwmlValued(JsonNode? value, ref List<DialOut>? found, int depth, bool required)
    {
        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            return value is null
                ? required ? [new DialTarget("(no destination)", "no_destination")] : []
                : [new DialTarget(value.ToJsonString(), "unreadable_swml")];
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            JsonNode? inline;
            try
            {
                inline = JsonNode.Parse(trimmed, documentOptions: InlineSwmlOptions);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                return [new DialTarget(Describe(trimmed), "unreadable_swml")];
            }

            Walk(inline, ref found, depth + 1, inConnect: false);
            return [];
        }

        return DestinationText.Classify(trimmed) is DestinationKind.Unknown
            ? [new DialTarget(Describe(trimmed), "unreadable_swml")]
            : [new DialTarget(trimmed)];
    }

    /// <summary>Unreadable SWML text as it appears in the AI's notice and the audit line: its start only.</summary>
    private static string Describe(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static void Add(ref List<DialOut>? found, DialOut dialOut) => (found ??= []).Add(dialOut);

    /// <summary>Every string under one of <paramref name="keys"/>, at any depth below <paramref name="root"/>; a present but empty or non-string value is reported as it is.</summary>
    private static List<DialTarget> Strings(JsonObject root, params string[] keys)
    {
        var values = new List<DialTarget>();
        Collect(root, keys, values, 0);
        if (values.Count == 0)
        {
            // A dialing verb with no destination the walker can read is not waved through.
            values.Add(new DialTarget("(no destination)", "no_destination"));
        }

        return values;
    }

    private static void Collect(JsonNode? node, string[] keys, List<DialTarget> values, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, keys, values, depth + 1);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (keys.Contains(key) && value is not (JsonObject or JsonArray))
                {
                    values.Add(new DialTarget(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null"));
                }
                else if (key is not ("confirm" or "transfer_after_bridge"))
                {
                    // What a confirm or after-bridge branch dials is found by the walk as its own verb.
                    Collect(value, keys, values, depth + 1);
                }
            }
        }
    }
}
