using System.Text;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Fuzz;

/// <summary>
/// Seeded generators for the edges of the defenses only this SDK has: SWML-valued strings in handler results,
/// spellings of one caller number, and static-file paths with hidden segments and links. Each case says what a
/// correct server must do with it, so the property checked is exact, not "no 5xx".
/// </summary>
internal sealed class EdgeGenerators(Random random)
{
    /// <summary>A premium-rate number every dangerous case dials, in some spelling.</summary>
    public const string Premium = "+19002345678";

    private static readonly string[] SafeDestinations = ["+14155550100", "sales", "/public/support", "sip:desk@pbx.example.com", "https://swml.example.com/next"];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    /// <summary>An action (JSON text) and whether the destination policy must remove it.</summary>
    public (string Action, bool Dangerous) Action()
    {
        var dangerous = random.Next(3) > 0;
        var verb = Verb(dangerous, depth: 0);
        var action = random.Next(4) switch
        {
            0 => new JsonObject { ["SWML"] = Document(verb) },
            1 => new JsonObject { ["SWML"] = Document(verb).ToJsonString() },
            2 => new JsonObject { ["SWML"] = new JsonObject { ["raw_swml"] = Escape(Document(verb).ToJsonString()) } },
            _ => new JsonObject { ["SWML"] = Document(Wrap(verb)) },
        };
        return (action.ToJsonString(), dangerous);
    }

    private static JsonObject Document(JsonNode verb) => new()
    {
        ["version"] = "1.0.0",
        ["sections"] = new JsonObject { ["main"] = new JsonArray(verb) },
    };

    /// <summary>A verb that dials <see cref="Premium"/> (or an attacker's host) when <paramref name="dangerous"/>, else a safe one; nested up to three times.</summary>
    private JsonObject Verb(bool dangerous, int depth)
    {
        if (depth < 3 && random.Next(3) == 0)
        {
            // The danger hides one level further down, in a slot that takes SWML.
            var inner = Document(Verb(dangerous, depth + 1));
            var text = random.Next(2) == 0 ? inner.ToJsonString() : Escape(inner.ToJsonString());
            return random.Next(5) switch
            {
                0 => new JsonObject { ["execute"] = new JsonObject { ["dest"] = text } },
                1 => new JsonObject { ["transfer"] = new JsonObject { ["dest"] = text } },
                2 => new JsonObject { ["connect"] = new JsonObject { ["to"] = "+14155550100", ["transfer_after_bridge"] = text } },
                3 => new JsonObject { ["enter_queue"] = new JsonObject { ["queue_name"] = "q", ["transfer_after_bridge"] = text } },
                _ => new JsonObject { ["execute_rpc"] = new JsonObject { ["method"] = "dial", ["params"] = new JsonObject { ["devices"] = new JsonObject { ["type"] = "phone", ["params"] = new JsonObject { ["to_number"] = "+14155550100" } }, ["dest_swml"] = text } } },
            };
        }

        var destination = dangerous ? DangerousDestination() : Pick(SafeDestinations);
        return random.Next(6) switch
        {
            0 when destination.StartsWith("http", StringComparison.Ordinal) || destination.StartsWith("//", StringComparison.Ordinal)
                => new JsonObject { ["execute"] = new JsonObject { ["dest"] = destination } },
            1 when destination.StartsWith("http", StringComparison.Ordinal) || destination.StartsWith("//", StringComparison.Ordinal)
                => new JsonObject { ["connect"] = new JsonObject { ["to"] = "+14155550100", ["confirm"] = destination } },
            2 => new JsonObject { ["send_sms"] = new JsonObject { ["to_number"] = destination, ["from_number"] = "+14155550199", ["body"] = "x" } },
            3 => new JsonObject { ["connect"] = new JsonObject { ["serial"] = new JsonArray(new JsonObject { ["to"] = "+14155550100" }, new JsonObject { ["to"] = destination }) } },
            4 => new JsonObject { ["cond"] = new JsonArray(new JsonObject { ["when"] = "true", ["then"] = new JsonArray(new JsonObject { ["connect"] = new JsonObject { ["to"] = destination } }) }) },
            _ => new JsonObject { ["connect"] = new JsonObject { ["to"] = destination } },
        };
    }

    private static JsonObject Wrap(JsonNode verb) => new JsonObject { ["switch"] = new JsonObject { ["variable"] = "x", ["case"] = new JsonObject { ["a"] = new JsonArray(verb) } } };

    private string DangerousDestination() => random.Next(12) switch
    {
        0 => Premium,
        1 => "+1 (900) 234-5678",
        2 => "tel:+1-900-234-5678",
        3 => "sip:" + Premium + "@trunk.example.com",
        4 => "sip:%2B19002345678;isub=1@trunk.example.com",
        5 => "sip:*67" + Premium + "@trunk.example.com",
        6 => "sip:" + FullWidth(Premium) + "@trunk.example.com",
        7 => FullWidth(Premium),
        8 => "sip:" + Premium + "@evil.example.net@trunk.example.com",
        9 => "https://attacker.example.net/dial.json",
        10 => "//attacker.example.net/dial.json",
        _ => "sip:+1/900/234/5678@trunk.example.com",
    };

    private static string FullWidth(string number) =>
        string.Concat(number.Select(c => c == '+' ? '\uFF0B' : char.IsAsciiDigit(c) ? (char)('\uFF10' + (c - '0')) : c));

    /// <summary>JSON text with some lower-case letters written as \u escapes, as a hand-built payload might; existing escapes are kept whole.</summary>
    private string Escape(string json)
    {
        var text = new StringBuilder(json.Length + 32);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\')
            {
                // An escape already there: copied as it is (\uXXXX whole).
                var length = i + 1 < json.Length && json[i + 1] == 'u' ? 6 : 2;
                text.Append(json.AsSpan(i, Math.Min(length, json.Length - i)));
                i += length - 1;
                continue;
            }

            text.Append(char.IsAsciiLetterLower(c) && random.Next(8) == 0 ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.ToString();
    }

    /// <summary>One spelling of the North American number <c>+1 415 555 0123</c>.</summary>
    public string Spelling()
    {
        var digits = "14155550123";
        var separators = new[] { "", " ", "-", ".", "/" };
        var separator = Pick(separators);
        var national = random.Next(2) == 0
            ? string.Join(separator, digits[1..4], digits[4..7], digits[7..])
            : $"({digits[1..4]}){separator}{digits[4..7]}{separator}{digits[7..]}";
        var number = (random.Next(3) == 0 ? "" : "+") + "1" + Pick(separators) + national;
        if (random.Next(5) == 0)
        {
            number = FullWidth(number);
        }

        return random.Next(4) switch
        {
            0 => "tel:" + number,
            1 => "sip:" + number.Replace(" ", "", StringComparison.Ordinal) + "@pstn.example.com",
            _ => number,
        };
    }

    /// <summary>
    /// A static-file path and whether it may be served: only <c>hold.txt</c> directly in the mount is, once the dot
    /// segments the server resolves (<c>%2e%2E</c> decodes to <c>..</c>) are applied; <c>%2f</c> is never decoded.
    /// </summary>
    public (string Path, bool MayServe) StaticPath()
    {
        var segments = new List<string>();
        var resolved = new List<string> { "public" };
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var (segment, decoded) = random.Next(10) switch
            {
                0 => (".git", ".git"),
                1 => ("%2Egit", ".git"),
                2 => ("%2e%2E", ".."),
                3 => (".secrets.json", ".secrets.json"),
                4 => ("up", "up"),
                5 => ("leak.txt", "leak.txt"),
                6 => ("..%2f", "..%2f"),
                _ => ("hold.txt", "hold.txt"),
            };
            segments.Add(segment);
            if (decoded == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }
            }
            else
            {
                resolved.Add(decoded);
            }
        }

        // A path ending in ".." resolves to a directory ("…/"), which is never served.
        return ("/public/" + string.Join('/', segments), resolved is ["public", "hold.txt"] && segments[^1] != "%2e%2E");
    }
}
