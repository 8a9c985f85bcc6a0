using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>play_background_file: DataMap expressions, checked when added.</summary>
public sealed class ExpressionSkillTests
{
    [Fact]
    public async Task Background_files_become_start_and_stop_expressions()
    {
        var tool = await SkillTest.ToolOfAsync(SkillTest.Agent().AddSkill("play_background_file", new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["key"] = "jazz", ["description"] = "hold music", ["url"] = "https://cdn.example.com/jazz.mp3", ["wait"] = true }),
        }), "play_background_file");

        Assert.Equal(
            """{"function":"play_background_file","description":"Start or stop background audio","parameters":{"type":"object","properties":{"action":{"type":"string","description":"What to do: start_jazz (hold music); stop (stop the audio)","enum":["start_jazz","stop"]}},"required":["action"]},"data_map":{"expressions":[{"string":"${args.action}","pattern":"/^start_jazz$/","output":{"response":"Tell the caller you are now playing hold music.","action":[{"playback_bg":{"file":"https://cdn.example.com/jazz.mp3","wait":true}}]}},{"string":"${args.action}","pattern":"/^stop$/","output":{"response":"Tell the caller the background audio has stopped.","action":[{"stop_playback_bg":true}]}}]}}""",
            tool.ToWireJson());
    }

    [Theory]
    [InlineData("""[{"key":"a","description":"A","url":"https://x.example.com/a.mp3"},{"key":"A","description":"B","url":"https://x.example.com/b.mp3"}]""", "Skill 'play_background_file': file key 'A' is used twice or is reserved ('stop').")]
    [InlineData("""[{"key":"a","description":"A","url":"file:///etc/passwd"}]""", "Skill 'play_background_file': the url of file 'a' must be an absolute http or https URL.")]
    [InlineData("""[{"key":"a b","description":"A","url":"https://x.example.com/a.mp3"}]""", "Skill 'play_background_file': files[0].key is not in the expected format.")]
    public void Bad_file_lists_are_refused(string files, string message)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("play_background_file", new JsonObject { ["files"] = JsonNode.Parse(files) }));
        Assert.Equal(message, error.Message);
    }
}
