using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SignalWire.Agents.Skills;

/// <summary>Reading web pages for a voice agent: the readable text, a markdown outline, links and CSS-selected values (AngleSharp).</summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    };

    private static readonly string[] Clutter = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "nav", "header", "footer", "aside", "form"];

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The page's readable text: clutter removed, whitespace collapsed.</summary>
    public static string MainText(IDocument document)
    {
        RemoveClutter(document);
        var root = (IElement?)document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body ?? document.DocumentElement;
        return TextOf(root);
    }

    /// <summary>The collapsed text under <paramref name="node"/>, blocks kept apart.</summary>
    private static string TextOf(INode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return Collapse(text.ToString());
    }

    /// <summary>The text under <paramref name="node"/>, with a break around every block element so words of adjacent blocks stay apart.</summary>
    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText fragment)
            {
                text.Append(fragment.Data);
            }
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.LocalName);
                text.Append(block ? " " : string.Empty);
                Append(element, text);
                text.Append(block ? " " : string.Empty);
            }
        }
    }

    /// <summary>The page as a markdown outline: title, headings, paragraphs, list items and code.</summary>
    public static string Markdown(IDocument document)
    {
        RemoveClutter(document);
        var text = new StringBuilder();
        if (Collapse(document.Title ?? string.Empty) is { Length: > 0 } title)
        {
            text.Append("# ").AppendLine(title).AppendLine();
        }

        foreach (var element in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, li, pre"))
        {
            var content = element.LocalName == "pre" ? element.TextContent.Trim() : Collapse(element.TextContent);
            if (content.Length == 0)
            {
                continue;
            }

            _ = element.LocalName switch
            {
                ['h', var level] => text.Append('#', level - '0').Append(' ').AppendLine(content).AppendLine(),
                "li" => text.Append("- ").AppendLine(content),
                "pre" => text.AppendLine("```").AppendLine(content).AppendLine("```").AppendLine(),
                _ => text.AppendLine(content).AppendLine(),
            };
        }

        return text.ToString().Trim();
    }

    /// <summary>The page's links as absolute http(s) addresses without fragments, in order, once each.</summary>
    public static IReadOnlyList<Uri> Links(IDocument document, Uri page)
    {
        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (Uri.TryCreate(page, anchor.GetAttribute("href"), out var link) && link.Scheme is "http" or "https")
            {
                var clean = new UriBuilder(link) { Fragment = string.Empty }.Uri;
                if (seen.Add(clean.AbsoluteUri))
                {
                    links.Add(clean);
                }
            }
        }

        return links;
    }

    /// <summary>The text of each element <paramref name="selector"/> (CSS) matches.</summary>
    public static IReadOnlyList<string> Select(IDocument document, string selector) =>
        [.. document.QuerySelectorAll(selector).Select(TextOf)];

    /// <summary>Whether <paramref name="selector"/> is a CSS selector AngleSharp accepts.</summary>
    public static bool IsValidSelector(string selector)
    {
        try
        {
            _ = Parse("<html></html>").QuerySelectorAll(selector);
            return true;
        }
        catch (DomException)
        {
            return false;
        }
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static void RemoveClutter(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(", ", Clutter)).ToList())
        {
            element.Remove();
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
