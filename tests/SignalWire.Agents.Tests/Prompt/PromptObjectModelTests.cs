using System.Buffers;
using System.Text;
using System.Text.Json;
using SignalWire.Agents.Prompt;

namespace SignalWire.Agents.Tests.Prompt;

public sealed class PromptObjectModelTests
{
    private static string Json(PromptObjectModel pom)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            pom.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Sections_render_in_wire_key_order()
    {
        var pom = new PromptObjectModel();
        var role = pom.AddSection("Role", "You are a support agent.", ["Be concise"]);
        role.AddSubsection("Tone", "Warm");
        role.Numbered = true;
        role.NumberedBullets = true;
        Assert.Equal(
            """[{"title":"Role","body":"You are a support agent.","bullets":["Be concise"],"subsections":[{"title":"Tone","body":"Warm"}],"numbered":true,"numberedBullets":true}]""",
            Json(pom));
    }

    [Fact]
    public void Bullet_only_sections_have_no_body_and_empty_sections_an_empty_body()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("Rules", bullets: ["a", "b"]);
        pom.AddSection("Empty");
        Assert.Equal("""[{"title":"Rules","bullets":["a","b"]},{"title":"Empty","body":""}]""", Json(pom));
    }

    [Fact]
    public void Only_the_first_section_may_be_untitled()
    {
        var pom = new PromptObjectModel();
        pom.AddSection(null, "intro");
        Assert.Throws<ArgumentException>(() => pom.AddSection(null, "second"));
        Assert.Equal("""[{"body":"intro"}]""", Json(pom));
    }

    [Fact]
    public void Find_searches_subsections_and_AddBody_appends_paragraphs()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("Top").AddSubsection("Deep", "one");
        var deep = pom.Find("Deep");
        Assert.NotNull(deep);
        deep.AddBody("two");
        Assert.Equal("one\n\ntwo", deep.Body);
        Assert.Null(pom.Find("Missing"));
    }
}
