using System.Text;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Fuzz;

/// <summary>Turns a valid platform body into a hostile one: wrong types at any depth, hostile strings, broken encodings.</summary>
internal sealed class JsonMutator(Random random)
{
    /// <summary>Strings that have broken parsers, loggers and URL builders somewhere.</summary>
    private static readonly string[] HostileStrings =
    [
        "\\ud800", "\\udc00x", "x\\ud800\\ud800", "\\u0000", "line\\r\\nforged=1", "\\u2028", "../../etc/passwd", "%00", "%2e%2e%2f",
        "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "%{args.x}", "\\\\", "\\\"", "",
        "+15551234567", "sip:alice@example.com", "\\ud83d\\ude00",
    ];

    /// <summary>A mutated serialisation of <paramref name="valid"/>, or the valid body itself (so deeper layers run too).</summary>
    public byte[] Mutate(JsonObject valid)
    {
        switch (random.Next(19))
        {
            case 0 or 1 or 2 or 16 or 17 or 18:
                return Encoding.UTF8.GetBytes(valid.ToWireJson());
            case 3:
                return Encoding.UTF8.GetBytes(WithHostileString(valid));
            case 4 or 5:
                return Encoding.UTF8.GetBytes(ReplaceNode(valid).ToWireJson());
            case 6:
                return Encoding.UTF8.GetBytes(DuplicateKey(valid.ToWireJson()));
            case 7:
                return Encoding.UTF8.GetBytes(Nested(random.Next(60, 200)));
            case 8:
                var text = Encoding.UTF8.GetBytes(valid.ToWireJson());
                return text[..random.Next(text.Length)];
            case 9:
                return InvalidUtf8(Encoding.UTF8.GetBytes(valid.ToWireJson()));
            case 10:
                return Encoding.UTF8.GetBytes(Pick(["[]", "\"text\"", "42", "null", "true", " ", "", "{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "\uFEFF{}"]));
            case 11:
                return Encoding.UTF8.GetBytes(Pick(["1e400", "-0", "1.0e-400", "123456789012345678901234567890", "NaN", "Infinity"]) is var number
                    ? valid.ToWireJson().Replace("\"call-1\"", number, StringComparison.Ordinal) : string.Empty);
            case 12:
                return Encoding.UTF8.GetBytes(WithHostileString(ReplaceNode(valid)));
            case 13:
                return Encoding.UTF8.GetBytes(valid.ToWireJson().Replace("\"raw\":\"", "\"raw\":\"" + Pick(["{\\\"a\\\":", "[1,2]", "\\ud800", "{\\\"text\\\":{\\\"x\\\":1}}"]), StringComparison.Ordinal));
            case 14:
                return Encoding.UTF8.GetBytes(WithHostileString(valid) is var once ? WithHostileStringText(once) : string.Empty);
            default:
                return Encoding.UTF8.GetBytes(ReplaceNode(ReplaceNode(valid)).ToWireJson());
        }
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    /// <summary>Every string value and name reachable in <paramref name="node"/>, with a setter for each value.</summary>
    private static List<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        var slots = new List<(JsonNode, object)>();
        void Walk(JsonNode current)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        slots.Add((obj, key));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, i));
                        if (array[i] is { } item)
                        {
                            Walk(item);
                        }
                    }

                    break;
            }
        }

        Walk(node);
        return slots;
    }

    private JsonObject ReplaceNode(JsonObject valid)
    {
        var copy = valid.DeepClone().AsObject();
        var slots = Slots(copy);
        if (slots.Count == 0)
        {
            return copy;
        }

        var (parent, key) = slots[random.Next(slots.Count)];
        JsonNode? replacement = random.Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create(random.NextDouble() * 1e300),
            3 => JsonValue.Create(random.Next(2) == 0),
            4 => new JsonArray(JsonValue.Create("x"), new JsonObject(), null),
            5 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray() } },
            6 => JsonValue.Create(new string('A', random.Next(1, 20_000))),
            7 => JsonValue.Create(long.MinValue),
            _ => JsonValue.Create(string.Empty),
        };
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }

        return copy;
    }

    /// <summary>The serialisation with one string value or property name replaced by a hostile escape sequence.</summary>
    private string WithHostileString(JsonObject valid) => WithHostileStringText(valid.ToWireJson());

    private string WithHostileStringText(string json)
    {
        var quotes = new List<int>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '"' && (i == 0 || json[i - 1] != '\\'))
            {
                quotes.Add(i);
            }
        }

        if (quotes.Count < 2)
        {
            return json;
        }

        // Insert just after an opening quote (even positions in the list are openings).
        var at = quotes[random.Next(quotes.Count / 2) * 2] + 1;
        return json[..at] + Pick(HostileStrings) + json[at..];
    }

    private string DuplicateKey(string json)
    {
        var key = Pick(["function", "call_id", "argument", "caller_id_num", "call", "post_prompt_data", "event_type", "meta_data"]);
        var value = Pick(["\"echo\"", "\"secret_action\"", "\"other-call\"", "{}", "null", "1"]);
        return json.Length > 1 && json[0] == '{' ? "{\"" + key + "\":" + value + "," + json[1..] : json;
    }

    private static string Nested(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    private byte[] InvalidUtf8(byte[] valid)
    {
        var bad = Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]);
        var at = random.Next(valid.Length + 1);
        return [.. valid[..at], .. bad, .. valid[at..]];
    }
}
