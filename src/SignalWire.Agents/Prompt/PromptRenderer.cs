using System.Globalization;
using System.Text;

namespace SignalWire.Agents.Prompt;

/// <summary>
/// Renders a Prompt Object Model as Markdown or XML text, the layout shared by the SignalWire SDKs:
/// <c>## Title</c> headings one level deeper per subsection, the body, then bullets (<c>- x</c>, or
/// <c>1. x</c> when numbered) followed by a blank line. When any sibling is numbered, every sibling not
/// explicitly unnumbered gets <c>n. </c> (nested: <c>1.2. </c>), counting titled sections only.
/// </summary>
public static class PromptRenderer
{
    private const string XmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>The sections as Markdown; an empty model renders as an empty string.</summary>
    public static string ToMarkdown(IReadOnlyList<PromptSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var numbers = Numbers(sections, string.Empty);
        return string.Join("\n", sections.Select((s, i) => Markdown(s, 2, numbers[i])));
    }

    /// <summary>The sections as XML (<c>prompt</c>, <c>section</c>, <c>title</c>, <c>body</c>, <c>bullets</c>, <c>subsections</c>), two-space indented.</summary>
    /// <remarks>Unlike the reference SDK, text is XML-escaped, so the output is always well-formed.</remarks>
    public static string ToXml(IReadOnlyList<PromptSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var lines = new List<string> { XmlHeader, "<prompt>" };
        var numbers = Numbers(sections, string.Empty);
        for (var i = 0; i < sections.Count; i++)
        {
            Xml(sections[i], 1, numbers[i], lines);
        }

        lines.Add("</prompt>");
        return string.Join("\n", lines);
    }

    private static string Markdown(PromptSection section, int level, string number)
    {
        var lines = new List<string>();
        if (section.Title is not null)
        {
            lines.Add(new string('#', level) + " " + number + section.Title + "\n");
        }

        if (section.Body.Length > 0)
        {
            lines.Add(section.Body + "\n");
        }

        for (var i = 0; i < section.Bullets.Count; i++)
        {
            lines.Add((section.NumberedBullets ? (i + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ") + section.Bullets[i]);
        }

        if (section.Bullets.Count > 0)
        {
            lines.Add(string.Empty);
        }

        var childNumbers = Numbers(section.Subsections, number);
        for (var i = 0; i < section.Subsections.Count; i++)
        {
            lines.Add(Markdown(section.Subsections[i], level + 1, childNumbers[i]));
        }

        return string.Join("\n", lines);
    }

    private static void Xml(PromptSection section, int depth, string number, List<string> lines)
    {
        var pad = new string(' ', depth * 2);
        lines.Add(pad + "<section>");
        if (section.Title is not null)
        {
            lines.Add($"{pad}  <title>{Escape(number + section.Title)}</title>");
        }

        if (section.Body.Length > 0)
        {
            lines.Add($"{pad}  <body>{Escape(section.Body)}</body>");
        }

        if (section.Bullets.Count > 0)
        {
            lines.Add(pad + "  <bullets>");
            for (var i = 0; i < section.Bullets.Count; i++)
            {
                var open = section.NumberedBullets ? $"<bullet id=\"{(i + 1).ToString(CultureInfo.InvariantCulture)}\">" : "<bullet>";
                lines.Add($"{pad}    {open}{Escape(section.Bullets[i])}</bullet>");
            }

            lines.Add(pad + "  </bullets>");
        }

        if (section.Subsections.Count > 0)
        {
            lines.Add(pad + "  <subsections>");
            var childNumbers = Numbers(section.Subsections, number);
            for (var i = 0; i < section.Subsections.Count; i++)
            {
                Xml(section.Subsections[i], depth + 2, childNumbers[i], lines);
            }

            lines.Add(pad + "  </subsections>");
        }

        lines.Add(pad + "</section>");
    }

    /// <summary>The number prefix of each sibling ("" when unnumbered), continuing <paramref name="parent"/>'s number.</summary>
    private static string[] Numbers(IReadOnlyList<PromptSection> siblings, string parent)
    {
        var result = new string[siblings.Count];
        var numbered = siblings.Any(s => s.Numbered == true);
        var counter = 0;
        var stem = parent.EndsWith(". ", StringComparison.Ordinal) ? parent[..^1] : parent;
        for (var i = 0; i < siblings.Count; i++)
        {
            var section = siblings[i];
            if (section.Title is null)
            {
                result[i] = string.Empty;
                continue;
            }

            counter++;
            result[i] = numbered && section.Numbered != false ? stem + counter.ToString(CultureInfo.InvariantCulture) + ". " : string.Empty;
        }

        return result;
    }

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
