using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Cli.Audit;

/// <summary>Name-based guesses about what a tool does, used to point the audit at tools that deserve a closer look.</summary>
internal static class ToolHeuristics
{
    /// <summary>Words that, in a tool's name, mean it moves money, destroys data or touches credentials.</summary>
    private static readonly HashSet<string> SensitiveWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "transfer", "pay", "payment", "payments", "refund", "withdraw", "charge", "purchase", "buy", "wire",
        "delete", "remove", "erase", "cancel", "close", "reset", "password", "pin", "passcode", "credential", "credentials",
    };

    /// <summary>Verbs that, next to "account", mean the account is being changed.</summary>
    private static readonly HashSet<string> ChangeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "change", "update", "modify", "edit", "set",
    };

    /// <summary>Parameter names that suggest a free-form command for a database, shell or interpreter.</summary>
    private static readonly HashSet<string> OpenEndedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sql", "query", "command", "cmd", "shell", "script", "code", "eval", "exec", "expression", "statement",
    };

    /// <summary>Whether <paramref name="tool"/> looks like it needs a token and confirmation.</summary>
    public static bool LooksSensitive(ToolDefinition tool)
    {
        if (tool.Options.Sensitive)
        {
            return true;
        }

        var words = Words(tool.Name);
        return words.Any(SensitiveWords.Contains) || (words.Contains("account", StringComparer.OrdinalIgnoreCase) && words.Any(ChangeWords.Contains));
    }

    /// <summary>String parameters named like a command or query that nothing (enum, const, pattern, format) constrains.</summary>
    public static IEnumerable<string> OpenEndedParameters(ToolDefinition tool) =>
        Properties(tool)
            .Where(p => OpenEndedNames.Contains(p.Key) || Words(p.Key).Any(OpenEndedNames.Contains))
            .Where(p => p.Value is JsonObject schema && IsString(schema)
                && schema["enum"] is null && schema["const"] is null && schema["pattern"] is null && schema["format"] is null)
            .Select(p => p.Key);

    /// <summary>Parameters whose schema gives no type (nor enum/const/anyOf/oneOf that would pin one down).</summary>
    public static IEnumerable<string> UntypedParameters(ToolDefinition tool) =>
        Properties(tool)
            .Where(p => p.Value is not JsonObject schema
                || (schema["type"] is null && schema["enum"] is null && schema["const"] is null && schema["anyOf"] is null && schema["oneOf"] is null && schema["$ref"] is null))
            .Select(p => p.Key);

    /// <summary>The tool's parameters (name and schema).</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(ToolDefinition tool) =>
        tool.Parameters["properties"] as JsonObject ?? [];

    private static bool IsString(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.TryGetValue<string>(out var t) && t == "string",
        JsonArray a => a.Any(t => t?.GetValue<string>() == "string"),
        _ => false,
    };

    /// <summary>Splits snake_case, kebab-case and camelCase names into lower-case words.</summary>
    internal static string[] Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c) || (char.IsUpper(c) && current.Length > 0 && !char.IsUpper(name[i - 1])))
            {
                Flush();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
