using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>claude_skills over a folder of SKILL.md files.</summary>
public sealed class ClaudeSkillsSkillTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("claude-skills-").FullName;

    public ClaudeSkillsSkillTests()
    {
        Write("summarize/SKILL.md", """
            ---
            name: Summarize Report
            description: >
              Summarise a report
              for a caller
            argument-hint: "the report's title"
            ---
            Summarise $ARGUMENTS in three sentences. Start with $0. Session ${CLAUDE_SESSION_ID} in ${CLAUDE_SKILL_DIR}.
            Never run !`rm -rf /`.
            """);
        Write("summarize/reference.md", "Reference: keep it short.");
        Write("summarize/notes/style.md", "Style: plain words.");
        Write("hidden/SKILL.md", "---\nname: hidden\ndisable-model-invocation: true\n---\nSecret steps.");
        Write("background/SKILL.md", "---\nname: background\ndescription: House style\nuser-invocable: false\n---\nAlways be kind.");
        Write("plain/SKILL.md", "No front matter here.");
        Write("notaskill/README.md", "Ignored.");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public async Task Each_skill_folder_becomes_a_tool_answering_with_its_instructions()
    {
        var agent = SkillTest.Agent().AddSkill("claude_skills", new JsonObject { ["skills_path"] = _root });
        await using var served = await ServedAgent.StartAsync(agent);

        Assert.Equal(["claude_plain", "claude_summarize_report"], agent.Tools.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        var tool = await served.ToolAsync("claude_summarize_report");
        Assert.Equal("Summarise a report for a caller", tool["description"]!.GetValue<string>());
        Assert.Equal("""{"arguments":{"type":"string","description":"the report's title"},"section":{"type":"string","description":"A reference section to read instead of the main instructions","enum":["notes/style","reference"]}}""", tool["parameters"]!["properties"]!.ToWireJson());

        Assert.Equal("Summarise Q3 sales in three sentences. Start with Q3. Session call-5 in summarize.\nNever run !`rm -rf /`.",
            await served.CallAsync("claude_summarize_report", new() { ["arguments"] = "Q3 sales" }, callId: "call-5"));
        Assert.Equal("Style: plain words.", await served.CallAsync("claude_summarize_report", new() { ["section"] = "notes/style" }));
        Assert.Equal("No front matter here.\n\nARGUMENTS: x y", await served.CallAsync("claude_plain", new() { ["arguments"] = "x y" }));
        Assert.StartsWith("The arguments for claude_summarize_report are invalid: section", await served.CallAsync("claude_summarize_report", new() { ["section"] = "../../etc/passwd" }), StringComparison.Ordinal);

        var prompt = (await served.Server.CreateClient().FetchSwmlAsync("call-1")).Ai()["prompt"]!.ToWireJson();
        Assert.Contains("Skill: background", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_exclude_and_prefix_choose_and_name_the_tools()
    {
        var agent = SkillTest.Agent().AddSkill("claude_skills", new JsonObject { ["skills_path"] = _root, ["include"] = new JsonArray("S*", "plain"), ["exclude"] = new JsonArray("plain"), ["tool_prefix"] = "cs_", ["skip_prompt"] = true });

        Assert.Equal(["cs_summarize_report"], agent.Tools.All.Select(t => t.Name));
    }

    [Theory]
    [InlineData("allow_shell_injection")]
    [InlineData("allow_script_execution")]
    public void Running_commands_from_skill_files_cannot_be_switched_on(string parameter)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("claude_skills", new JsonObject { ["skills_path"] = _root, [parameter] = true }));
        Assert.StartsWith($"Skill 'claude_skills': {parameter} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(_root, "nope");
        Assert.Equal($"Skill 'claude_skills': skills_path '{missing}' is not a folder.", Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("claude_skills", new JsonObject { ["skills_path"] = missing })).Message);
    }
}
