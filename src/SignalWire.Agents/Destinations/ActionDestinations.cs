using System.Text.Json.Nodes;

namespace SignalWire.Agents.Destinations;

/// <summary>What an action does on the phone network: one entry per verb that dials, transfers or texts.</summary>
/// <param name="Verb">The verb (<c>connect</c>, <c>transfer</c>, <c>sip_refer</c>, <c>dial</c> (an <c>execute_rpc</c>), <c>send_sms</c>, <c>raw_swml</c>).</param>
/// <param name="Destinations">Every destination the verb names.</param>
/// <param name="IsMessage">Whether it sends a text message (else it is a transfer).</param>
internal sealed record DialOut(string Verb, IReadOnlyList<string> Destinations, bool IsMessage);

/// <summary>
/// Finds the verbs in an action that reach the phone network, wherever they are nested (a SWML document's
/// sections, <c>cond</c>/<c>switch</c> branches, an <c>execute_rpc</c>).
/// </summary>
internal static class ActionDestinations
{
    /// <summary>Words that, in SWML text that could not be read as JSON (YAML, say), mean it may dial out.</summary>
    private static readonly string[] DialOutWords = ["connect", "transfer", "send_sms", "sip_refer", "dial", "to_number"];

    /// <summary>Every verb in <paramref name="action"/> that reaches the phone network (an empty list, allocated once, for the common action that reaches none).</summary>
    public static IReadOnlyList<DialOut> Find(JsonObject action)
    {
        List<DialOut>? found = null;
        Walk(action, ref found, depth: 0);
        return found ?? (IReadOnlyList<DialOut>)[];
    }

    private static void Walk(JsonNode? node, ref List<DialOut>? found, int depth)
    {
        if (depth > 64)
        {
            // Deeper than any request could be parsed; refuse rather than recurse without end.
            (found ??= []).Add(new DialOut("too_deep", ["(nested too deeply)"], IsMessage: false));
            return;
        }

        switch (node)
        {
            // Indexed loops: the JsonArray and JsonObject enumerators are boxed, and this runs for every result.
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], ref found, depth + 1);
                }

                break;
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    if (Inspect(key, value, obj) is { } dialOut)
                    {
                        (found ??= []).Add(dialOut);
                    }

                    Walk(value, ref found, depth + 1);
                }

                break;
        }
    }

    private static DialOut? Inspect(string key, JsonNode? value, JsonObject parent) => key switch
    {
        "connect" when value is JsonObject connect => new DialOut(key, Strings(connect, "to"), IsMessage: false),
        "transfer" when value is JsonObject transfer => new DialOut(key, Strings(transfer, "dest"), IsMessage: false),
        "sip_refer" when value is JsonObject refer => new DialOut(key, Strings(refer, "to_uri"), IsMessage: false),
        "send_sms" when value is JsonObject sms => new DialOut(key, Strings(sms, "to_number"), IsMessage: true),
        "method" when value is JsonValue method && method.TryGetValue<string>(out var name) && name is "dial" or "calling.dial"
            => new DialOut(name, Strings(parent, "to_number", "to"), IsMessage: false),
        "raw_swml" when value is JsonValue raw && raw.TryGetValue<string>(out var text) && MayDialOut(text)
            => new DialOut(key, ["(SWML text that cannot be inspected)"], IsMessage: false),
        _ => null,
    };

    /// <summary>Whether uninspectable SWML text mentions a dialing verb (a loop, not a lambda: Inspect runs for every key of every action).</summary>
    private static bool MayDialOut(string text)
    {
        foreach (var word in DialOutWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every string under one of <paramref name="keys"/>, at any depth below <paramref name="root"/>; a present but empty or non-string value is reported as it is.</summary>
    private static List<string> Strings(JsonObject root, params string[] keys)
    {
        var values = new List<string>();
        Collect(root, keys, values, 0);
        if (values.Count == 0)
        {
            // A dialing verb with no destination the walker can read is not waved through.
            values.Add("(no destination)");
        }

        return values;
    }

    private static void Collect(JsonNode? node, string[] keys, List<string> values, int depth)
    {
        if (depth > 64)
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
                    values.Add(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null");
                }
                else
                {
                    Collect(value, keys, values, depth + 1);
                }
            }
        }
    }
}
