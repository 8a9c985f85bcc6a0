using System.Text.Json;

namespace SignalWire.Agents.Prompt;

/// <summary>An ordered list of prompt sections, rendered as <c>ai.prompt.pom</c>.</summary>
public sealed partial class PromptObjectModel
{
    private readonly List<PromptSection> _sections = [];

    /// <summary>The top-level sections, in order.</summary>
    public IReadOnlyList<PromptSection> Sections => _sections;

    /// <summary>Adds a top-level section and returns it.</summary>
    /// <exception cref="ArgumentException">An untitled section that is not the first.</exception>
    public PromptSection AddSection(string? title, string? body = null, IEnumerable<string>? bullets = null)
    {
        if (string.IsNullOrWhiteSpace(title) && _sections.Count > 0)
        {
            throw new ArgumentException("Only the first section can have no title.", nameof(title));
        }

        var section = new PromptSection(string.IsNullOrWhiteSpace(title) ? null : title, body, bullets);
        _sections.Add(section);
        return section;
    }

    /// <summary>A deep copy.</summary>
    public PromptObjectModel Clone()
    {
        var copy = new PromptObjectModel();
        foreach (var section in _sections)
        {
            copy._sections.Add(section.Clone());
        }

        return copy;
    }

    /// <summary>Finds a section or subsection by title.</summary>
    public PromptSection? Find(string title)
    {
        foreach (var section in _sections)
        {
            if (section.Find(title) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The prompt as Markdown (see <see cref="PromptRenderer"/>).</summary>
    public string ToMarkdown() => PromptRenderer.ToMarkdown(_sections);

    /// <summary>The prompt as XML (see <see cref="PromptRenderer"/>).</summary>
    public string ToXml() => PromptRenderer.ToXml(_sections);

    /// <summary>Writes the sections as a JSON array.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var section in _sections)
        {
            section.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}
