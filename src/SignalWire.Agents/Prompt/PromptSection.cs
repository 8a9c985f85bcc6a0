using System.Text.Json;

namespace SignalWire.Agents.Prompt;

/// <summary>One section of a Prompt Object Model: a title, a body, bullets and nested subsections.</summary>
public sealed class PromptSection
{
    private readonly List<string> _bullets = [];
    private readonly List<PromptSection> _subsections = [];

    /// <summary>Creates a section.</summary>
    public PromptSection(string? title, string? body = null, IEnumerable<string>? bullets = null)
    {
        Title = title;
        Body = body ?? string.Empty;
        if (bullets is not null)
        {
            AddBullets(bullets);
        }
    }

    /// <summary>The title (only the first top-level section may have none).</summary>
    public string? Title { get; }

    /// <summary>Body text (may be empty).</summary>
    public string Body { get; set; }

    /// <summary>Whether the section is numbered among its siblings.</summary>
    public bool? Numbered { get; set; }

    /// <summary>Whether the bullets are numbered.</summary>
    public bool NumberedBullets { get; set; }

    /// <summary>The bullets, in order.</summary>
    public IReadOnlyList<string> Bullets => _bullets;

    /// <summary>Nested subsections, in order.</summary>
    public IReadOnlyList<PromptSection> Subsections => _subsections;

    /// <summary>Appends bullets.</summary>
    public PromptSection AddBullets(IEnumerable<string> bullets)
    {
        ArgumentNullException.ThrowIfNull(bullets);
        foreach (var bullet in bullets)
        {
            ArgumentNullException.ThrowIfNull(bullet, nameof(bullets));
            _bullets.Add(bullet);
        }

        return this;
    }

    /// <summary>Appends a paragraph to the body (separated by a blank line).</summary>
    public PromptSection AddBody(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Body = Body.Length == 0 ? text : Body + "\n\n" + text;
        return this;
    }

    /// <summary>Adds a titled subsection and returns it.</summary>
    public PromptSection AddSubsection(string title, string? body = null, IEnumerable<string>? bullets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var section = new PromptSection(title, body, bullets);
        _subsections.Add(section);
        return section;
    }

    /// <summary>A deep copy.</summary>
    public PromptSection Clone()
    {
        var copy = new PromptSection(Title, Body, _bullets) { Numbered = Numbered, NumberedBullets = NumberedBullets };
        foreach (var sub in _subsections)
        {
            copy._subsections.Add(sub.Clone());
        }

        return copy;
    }

    /// <summary>Finds this section or a descendant by title (depth first).</summary>
    public PromptSection? Find(string title)
    {
        if (string.Equals(Title, title, StringComparison.Ordinal))
        {
            return this;
        }

        foreach (var sub in _subsections)
        {
            if (sub.Find(title) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Writes the section in the wire layout: title, body, bullets, subsections, numbered, numberedBullets.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Title is not null)
        {
            writer.WriteString("title", Title);
        }

        // The schema requires a body on sections without bullets; an empty body keeps such sections valid.
        if (Body.Length > 0 || _bullets.Count == 0)
        {
            writer.WriteString("body", Body);
        }

        if (_bullets.Count > 0)
        {
            writer.WriteStartArray("bullets");
            foreach (var bullet in _bullets)
            {
                writer.WriteStringValue(bullet);
            }

            writer.WriteEndArray();
        }

        if (_subsections.Count > 0)
        {
            writer.WriteStartArray("subsections");
            foreach (var sub in _subsections)
            {
                sub.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        if (Numbered == true)
        {
            writer.WriteBoolean("numbered", true);
        }

        if (NumberedBullets)
        {
            writer.WriteBoolean("numberedBullets", true);
        }

        writer.WriteEndObject();
    }
}
