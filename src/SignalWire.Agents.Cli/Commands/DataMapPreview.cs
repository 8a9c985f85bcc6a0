using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// What the SignalWire platform would do with a DataMap tool for given arguments, without doing it: the
/// first expression that matches (and its output), else each webhook request with <c>${args.*}</c> and
/// <c>%{args.*}</c> resolved (encoders <c>enc:url</c>, <c>lc</c>, <c>uc</c> applied). Values that depend on the
/// webhook's response are left as written. Header values that look like credentials are masked.
/// </summary>
internal static partial class DataMapPreview
{
    private static readonly string[] SecretHeaderWords = ["auth", "key", "token", "secret", "password", "cookie", "signature"];

    public static JsonObject Build(string function, JsonObject dataMap, JsonObject arguments)
    {
        var preview = new JsonObject { ["function"] = function, ["executed_by"] = "signalwire" };
        foreach (var expression in (dataMap["expressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var tested = Resolve(expression["string"]?.GetValue<string>() ?? string.Empty, arguments);
            if (Matches(expression["pattern"]?.GetValue<string>() ?? string.Empty, tested))
            {
                preview["matched_expression"] = new JsonObject { ["string"] = tested, ["pattern"] = expression["pattern"]?.DeepClone() };
                preview["output"] = expression["output"]?.DeepClone();
                return preview;
            }
        }

        var webhooks = new JsonArray();
        foreach (var webhook in (dataMap["webhooks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var request = new JsonObject
            {
                ["method"] = webhook["method"]?.DeepClone() ?? "GET",
                ["url"] = Resolve(webhook["url"]?.GetValue<string>() ?? string.Empty, arguments),
            };
            if (webhook["headers"] is JsonObject headers)
            {
                request["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)(IsSecretHeader(h.Key) ? "***" : ResolveNode(h.Value, arguments)))));
            }

            if (webhook["params"] is JsonObject parameters)
            {
                request["params"] = ResolveNode(parameters, arguments);
            }

            if (webhook["input_args_as_params"]?.GetValue<bool>() == true)
            {
                request["params"] = Merge(request["params"] as JsonObject, arguments);
            }

            webhooks.Add(request);
        }

        preview["webhooks"] = webhooks;
        if (dataMap["output"] is { } fallback)
        {
            preview["fallback_output"] = fallback.DeepClone();
        }

        return preview;
    }

    /// <summary>Replaces <c>${...}</c>/<c>%{...}</c> references to <c>args.*</c>; everything else stays for the platform.</summary>
    internal static string Resolve(string template, JsonObject arguments) =>
        Resolve(template, ArgumentLookup(arguments));

    /// <summary>The lookup of <c>${args.*}</c> references into <paramref name="arguments"/>; any other path is unknown.</summary>
    internal static Func<string, JsonNode?> ArgumentLookup(JsonObject arguments) =>
        path => path.StartsWith("args.", StringComparison.Ordinal) ? Select(arguments, path[5..]) : null;

    /// <summary>
    /// Replaces each <c>${...}</c>/<c>%{...}</c> reference whose path <paramref name="lookup"/> knows (after the encoders
    /// <c>enc:url</c>, <c>lc</c>, <c>uc</c>); a reference it does not know is left as written.
    /// </summary>
    internal static string Resolve(string template, Func<string, JsonNode?> lookup) => Reference().Replace(template, match =>
    {
        var parts = match.Groups[1].Value.Split(':');
        if (lookup(parts[^1]) is not { } value)
        {
            return match.Value;
        }

        var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        for (var i = parts.Length - 2; i >= 0; i--)
        {
            text = parts[i] switch
            {
                "lc" => text.ToLowerInvariant(),
                "uc" => text.ToUpperInvariant(),
                "url" when i > 0 && parts[i - 1] == "enc" => Uri.EscapeDataString(text),
                "enc" when parts[i + 1] != "url" => Uri.EscapeDataString(text),
                _ => text,
            };
        }

        return text;
    });

    /// <summary>The value at a dotted path with optional indexes (<c>main.temp</c>, <c>list[0].name</c>) below <paramref name="root"/>.</summary>
    internal static JsonNode? Select(JsonNode? root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var index = -1;
            if (segment.EndsWith(']') && segment.IndexOf('[', StringComparison.Ordinal) is var open and >= 0
                && int.TryParse(segment[(open + 1)..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                (name, index) = (segment[..open], parsed);
            }

            node = name.Length == 0 ? node : (node as JsonObject)?[name];
            if (index >= 0)
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static JsonNode? ResolveNode(JsonNode? node, JsonObject arguments) =>
        ResolveNode(node, ArgumentLookup(arguments));

    /// <summary>A copy of <paramref name="node"/> with every string resolved through <paramref name="lookup"/>.</summary>
    internal static JsonNode? ResolveNode(JsonNode? node, Func<string, JsonNode?> lookup) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => Resolve(text, lookup),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, ResolveNode(p.Value, lookup)))),
        JsonArray array => new JsonArray([.. array.Select(item => ResolveNode(item, lookup))]),
        _ => node?.DeepClone(),
    };

    internal static JsonObject Merge(JsonObject? parameters, JsonObject arguments)
    {
        var merged = parameters ?? [];
        foreach (var (key, value) in arguments)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    internal static bool Matches(string pattern, string value)
    {
        var options = RegexOptions.CultureInvariant;
        if (pattern.Length > 1 && pattern[0] == '/' && pattern.LastIndexOf('/') is var end and > 0)
        {
            if (pattern[(end + 1)..].Contains('i', StringComparison.Ordinal))
            {
                options |= RegexOptions.IgnoreCase;
            }

            pattern = pattern[1..end];
        }

        try
        {
            return Regex.IsMatch(value, pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsSecretHeader(string name) => SecretHeaderWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"[$%]\{([^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
