using System.Text.RegularExpressions;

namespace SignalWire.Agents.Skills;

/// <summary>
/// One Claude skill folder: its <c>SKILL.md</c> (front matter <c>name</c>, <c>description</c>, <c>argument-hint</c>,
/// <c>disable-model-invocation</c>, <c>user-invocable</c>; the markdown body) and the other <c>.md</c> files beside
/// it as sections. Front matter is read as flat <c>key: value</c> pairs (with folded <c>&gt;</c> and literal <c>|</c>
/// blocks); nothing in it is executed.
/// </summary>
internal sealed partial record SkillDocument(string Folder, string Name, string? Description, string? ArgumentHint, bool ModelInvocable, bool UserInvocable, string Body, IReadOnlyDictionary<string, string> Sections)
{
    /// <summary>The largest file read.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public static SkillDocument Load(string folder)
    {
        var text = Read(Path.Combine(folder, "SKILL.md"));
        var (fields, body) = SplitFrontMatter(text);
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(file).Equals("SKILL.md", StringComparison.Ordinal) && (File.GetAttributes(file) & FileAttributes.ReparsePoint) == 0)
            {
                sections[Path.ChangeExtension(Path.GetRelativePath(folder, file), null).Replace('\\', '/')] = Read(file);
            }
        }

        return new SkillDocument(
            Path.GetFileName(folder),
            fields.GetValueOrDefault("name") is { Length: > 0 } name ? name : Path.GetFileName(folder),
            fields.GetValueOrDefault("description"),
            fields.GetValueOrDefault("argument-hint"),
            !IsTrue(fields.GetValueOrDefault("disable-model-invocation")),
            !IsFalse(fields.GetValueOrDefault("user-invocable")),
            body.Trim(),
            sections);
    }

    /// <summary>The body with <c>$ARGUMENTS</c>, <c>$ARGUMENTS[n]</c> and <c>$n</c> replaced; the arguments are appended when the body does not use them.</summary>
    public static string Substitute(string body, string arguments)
    {
        var positional = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var usesAll = AllArguments().IsMatch(body);
        var result = IndexedArgument().Replace(body, m => Positional(positional, m.Groups[1].Value));
        result = ShortArgument().Replace(result, m => Positional(positional, m.Groups[1].Value));
        result = result.Replace("$ARGUMENTS", arguments, StringComparison.Ordinal);
        return !usesAll && arguments.Length > 0 ? result + "\n\nARGUMENTS: " + arguments : result;
    }

    private static string Positional(string[] positional, string index) =>
        int.TryParse(index, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < positional.Length ? positional[i] : string.Empty;

    private static string Read(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new AgentConfigurationException($"Skill 'claude_skills': {path} is larger than {MaxFileBytes / 1024} KiB.");
        }

        return File.ReadAllText(path);
    }

    private static (Dictionary<string, string> Fields, string Body) SplitFrontMatter(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (fields, text);
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            return (fields, text);
        }

        for (var i = 1; i < end; i++)
        {
            var match = Field().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups[2].Value.Trim();
            if (value is ">" or "|" or ">-" or "|-" or "")
            {
                var block = new List<string>();
                while (i + 1 < end && (lines[i + 1].StartsWith(' ') || lines[i + 1].Length == 0))
                {
                    block.Add(lines[++i].Trim());
                }

                value = string.Join(value.StartsWith('|') ? "\n" : " ", block).Trim();
            }

            fields[match.Groups[1].Value] = value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;
        }

        return (fields, string.Join('\n', lines[(end + 1)..]));
    }

    private static bool IsTrue(string? value) => value is not null && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static bool IsFalse(string? value) => value is not null && value.Equals("false", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"\$ARGUMENTS(?!\[)")]
    private static partial Regex AllArguments();

    [GeneratedRegex(@"\$ARGUMENTS\[(\d+)\]")]
    private static partial Regex IndexedArgument();

    [GeneratedRegex(@"\$(\d+)(?!\d)")]
    private static partial Regex ShortArgument();
}
