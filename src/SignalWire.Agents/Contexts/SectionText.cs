using System.Text;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Contexts;

/// <summary>
/// Titled sections (a body or bullets each) that contexts and steps render either as a POM list or as
/// text: <c>## Title</c>, then the body or one <c>- bullet</c> line per bullet, sections separated by a blank line.
/// </summary>
internal sealed class SectionText
{
    private readonly List<(string Title, string? Body, string[]? Bullets)> _sections = [];

    public int Count => _sections.Count;

    public void Add(string title, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        _sections.Add((title, body, null));
    }

    public void AddBullets(string title, IEnumerable<string> bullets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(bullets);
        var list = bullets.ToArray();
        if (list.Length == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Section '{title}' needs at least one non-empty bullet.", nameof(bullets));
        }

        _sections.Add((title, null, list));
    }

    public void Clear() => _sections.Clear();

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var (title, body, bullets) in _sections)
        {
            text.Append("## ").Append(title).Append('\n');
            if (body is not null)
            {
                text.Append(body).Append('\n');
            }

            foreach (var bullet in bullets ?? [])
            {
                text.Append("- ").Append(bullet).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().Trim();
    }

    public JsonArray ToPom() => new([.. _sections.Select(s => (JsonNode)(s.Body is not null
        ? new JsonObject { ["title"] = s.Title, ["body"] = s.Body }
        : new JsonObject { ["title"] = s.Title, ["bullets"] = new JsonArray([.. s.Bullets!.Select(b => (JsonNode)b)]) }))]);

    public SectionText Clone()
    {
        var copy = new SectionText();
        copy._sections.AddRange(_sections);
        return copy;
    }
}
