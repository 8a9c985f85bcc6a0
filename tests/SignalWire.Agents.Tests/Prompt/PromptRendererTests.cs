using SignalWire.Agents.Prompt;

namespace SignalWire.Agents.Tests.Prompt;

/// <summary>The cross-SDK parity strings of the agents wire spec, section 7.</summary>
public sealed class PromptRendererTests
{
    [Fact]
    public void Empty_model_renders_empty_markdown_and_an_empty_prompt_element()
    {
        var pom = new PromptObjectModel();
        Assert.Equal(string.Empty, pom.ToMarkdown());
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<prompt>\n</prompt>", pom.ToXml());
    }

    [Fact]
    public void Title_and_body()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("Greeting", "Hello world");
        Assert.Equal("## Greeting\n\nHello world\n", pom.ToMarkdown());
    }

    [Fact]
    public void Body_and_bullets()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("Goals", "Be helpful", ["Be concise", "Be clear"]);
        Assert.Equal("## Goals\n\nBe helpful\n\n- Be concise\n- Be clear\n", pom.ToMarkdown());
    }

    [Fact]
    public void Subsections_go_one_level_deeper()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("Top", "Top body").AddSubsection("Sub1", "Sub1 body", ["a", "b"]);
        Assert.Equal("## Top\n\nTop body\n\n### Sub1\n\nSub1 body\n\n- a\n- b\n", pom.ToMarkdown());
    }

    [Fact]
    public void Numbered_sections()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("S1", "b1").Numbered = true;
        pom.AddSection("S2", "b2");
        Assert.Equal("## 1. S1\n\nb1\n\n## 2. S2\n\nb2\n", pom.ToMarkdown());
    }

    [Fact]
    public void A_section_can_opt_out_of_numbering_and_nested_numbers_continue_the_parent()
    {
        var pom = new PromptObjectModel();
        var first = pom.AddSection("A", "a");
        first.Numbered = true;
        first.AddSubsection("A1", "x").Numbered = true;
        first.AddSubsection("A2", "y");
        pom.AddSection("B", "b").Numbered = false;
        pom.AddSection("C", "c");
        Assert.Equal("## 1. A\n\na\n\n### 1.1. A1\n\nx\n\n### 1.2. A2\n\ny\n\n## B\n\nb\n\n## 3. C\n\nc\n", pom.ToMarkdown());
    }

    [Fact]
    public void Numbered_bullets()
    {
        var pom = new PromptObjectModel();
        pom.AddSection("X", bullets: ["one", "two"]).NumberedBullets = true;
        Assert.Equal("## X\n\n1. one\n2. two\n", pom.ToMarkdown());
    }

    [Fact]
    public void Xml_layout_with_escaping()
    {
        var pom = new PromptObjectModel();
        var role = pom.AddSection("Role", "Use <tags> & care", ["one"]);
        role.NumberedBullets = true;
        role.AddSubsection("Tone", "Warm");
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<prompt>\n  <section>\n    <title>Role</title>\n    <body>Use &lt;tags&gt; &amp; care</body>\n    <bullets>\n      <bullet id=\"1\">one</bullet>\n    </bullets>\n    <subsections>\n      <section>\n        <title>Tone</title>\n        <body>Warm</body>\n      </section>\n    </subsections>\n  </section>\n</prompt>",
            pom.ToXml());
    }

    [Fact]
    public void The_agent_renders_its_prompt_as_text()
    {
        var agent = new AgentBase(new AgentOptions()).PromptAddSection("Greeting", "Hello world");
        Assert.Equal("## Greeting\n\nHello world\n", agent.GetPromptText());
        Assert.Contains("<title>Greeting</title>", agent.GetPromptText(xml: true), StringComparison.Ordinal);
        Assert.Equal("Raw.", new AgentBase(new AgentOptions()).SetPromptText("Raw.").GetPromptText());
    }
}
