using System.IO.Enumeration;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Turns Claude-style skill folders (<c>&lt;skills_path&gt;/&lt;skill&gt;/SKILL.md</c>) into tools: each becomes
/// <c>&lt;tool_prefix&gt;&lt;name&gt;</c> (argument <c>arguments</c>, and <c>section</c> when the folder has other
/// <c>.md</c> files), answering with the skill's instructions, arguments substituted. Files are read once, when
/// the skill is added. A body's shell commands (<c>!`command`</c>) and scripts are never run: the text is passed
/// on as written. <c>disable-model-invocation: true</c> leaves a skill out; <c>user-invocable: false</c> keeps its
/// prompt section but offers no tool. Parameters: <c>skills_path</c>, <c>include</c>, <c>exclude</c> (name
/// patterns with <c>*</c> and <c>?</c>), <c>tool_prefix</c> (default <c>claude_</c>), <c>skill_descriptions</c>,
/// <c>response_prefix</c>, <c>response_postfix</c>.
/// </summary>
public sealed class ClaudeSkillsSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "claude_skills";

    /// <inheritdoc />
    public override string Description => "Offer Claude SKILL.md folders as tools";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["skills_path"] = SkillSchemas.Text("The folder holding one folder per skill", 1000),
        ["include"] = SkillSchemas.Strings("Skill names to offer (patterns with * and ?; default all)"),
        ["exclude"] = SkillSchemas.Strings("Skill names to leave out (patterns)"),
        ["tool_prefix"] = new JsonObject { ["type"] = "string", ["description"] = "Put before every tool's name (default claude_)", ["pattern"] = "^[A-Za-z0-9_]{0,20}$" },
        ["skill_descriptions"] = SkillSchemas.StringMap("Skill name to the tool description to use instead of the front matter's"),
        ["response_prefix"] = SkillSchemas.Text("Text put before every answer"),
        ["response_postfix"] = SkillSchemas.Text("Text put after every answer"),
        ["allow_shell_injection"] = new JsonObject { ["type"] = "boolean", ["description"] = "Not supported: skill text is never executed", ["const"] = false },
        ["allow_script_execution"] = new JsonObject { ["type"] = "boolean", ["description"] = "Not supported: skill scripts are never run", ["const"] = false },
    }, "skills_path");

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var root = Path.GetFullPath(GetString("skills_path")!);
        if (!Directory.Exists(root))
        {
            throw new AgentConfigurationException($"Skill '{Name}': skills_path '{root}' is not a folder.");
        }

        var include = Patterns("include") is { Count: > 0 } given ? given : ["*"];
        var exclude = Patterns("exclude");
        var overrides = GetNode("skill_descriptions") as JsonObject ?? [];
        var prefix = GetString("tool_prefix") ?? "claude_";
        var documents = Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "SKILL.md")))
            .Select(SkillDocument.Load)
            .Where(d => include.Any(p => FileSystemName.MatchesSimpleExpression(p, d.Name)) && !exclude.Any(p => FileSystemName.MatchesSimpleExpression(p, d.Name)))
            .ToList();
        foreach (var document in documents.Where(d => d.ModelInvocable))
        {
            if (document.UserInvocable)
            {
                var parameters = new JsonObject
                {
                    ["arguments"] = new JsonObject { ["type"] = "string", ["description"] = document.ArgumentHint ?? "What to apply the skill to", ["maxLength"] = 2000 },
                };
                if (document.Sections.Count > 0)
                {
                    parameters["section"] = new JsonObject { ["type"] = "string", ["description"] = "A reference section to read instead of the main instructions", ["enum"] = new JsonArray([.. document.Sections.Keys.Select(k => (JsonNode)k)]) };
                }

                context.DefineTool(ToolNameOf(prefix, document.Name), overrides.GetString(document.Name) ?? document.Description ?? $"Use the {document.Name} skill", SkillSchemas.Object(parameters),
                    (args, call, _) => ValueTask.FromResult(Answer(document, args, call)));
            }

            context.AddPromptSection($"Skill: {document.Name}", document.Description ?? $"Instructions for {document.Name} are available.",
                document.UserInvocable ? [$"Use {ToolNameOf(prefix, document.Name)} to read them when the task calls for it."] : null);
        }
    }

    private FunctionResult Answer(SkillDocument document, JsonObject args, ToolCallContext call)
    {
        var content = args.GetString("section") is { } section && document.Sections.TryGetValue(section, out var text)
            ? text
            : SkillDocument.Substitute(document.Body, args.GetString("arguments")?.Trim() ?? string.Empty);
        content = content.Replace("${CLAUDE_SKILL_DIR}", document.Folder, StringComparison.Ordinal)
            .Replace("${CLAUDE_SESSION_ID}", call.CallId ?? string.Empty, StringComparison.Ordinal);
        return new FunctionResult(Framed(content));
    }

    private List<string> Patterns(string parameter) => [.. (GetNode(parameter) as JsonArray ?? []).Select(p => p!.GetValue<string>())];
    private static string ToolNameOf(string prefix, string name) => SkillText.ToolName(prefix + name.ToLowerInvariant().Trim());
}
