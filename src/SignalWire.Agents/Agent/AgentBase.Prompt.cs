
namespace SignalWire.Agents;

/// <summary>Prompt configuration.</summary>
public partial class AgentBase
{

    /// <summary>Adds a prompt section (Prompt Object Model).</summary>
    public AgentBase PromptAddSection(string title, string? body = null, IEnumerable<string>? bullets = null, bool? numbered = null, bool numberedBullets = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return Mutate(() =>
        {
            EnsureNoPromptText();
            var section = _state.Pom.AddSection(title, body, bullets);
            section.Numbered = numbered;
            section.NumberedBullets = numberedBullets;
        });
    }

    /// <summary>Appends body text and/or bullets to a section, creating it when missing.</summary>
    public AgentBase PromptAddToSection(string title, string? body = null, IEnumerable<string>? bullets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return Mutate(() =>
        {
            EnsureNoPromptText();
            var section = _state.Pom.Find(title) ?? _state.Pom.AddSection(title);
            if (body is not null)
            {
                section.AddBody(body);
            }

            if (bullets is not null)
            {
                section.AddBullets(bullets);
            }
        });
    }

    /// <summary>Adds a subsection under <paramref name="parentTitle"/>, creating the parent when missing.</summary>
    public AgentBase PromptAddSubsection(string parentTitle, string title, string? body = null, IEnumerable<string>? bullets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return Mutate(() =>
        {
            EnsureNoPromptText();
            (_state.Pom.Find(parentTitle) ?? _state.Pom.AddSection(parentTitle)).AddSubsection(title, body, bullets);
        });
    }

    /// <summary>Whether a section or subsection with this title exists.</summary>
    public bool PromptHasSection(string title)
    {
        lock (_gate)
        {
            return _state.Pom.Find(title) is not null;
        }
    }

    /// <summary>
    /// Uses raw prompt text instead of sections. Text and sections cannot be mixed: setting text when
    /// sections exist (or the reverse) throws, rather than silently dropping one of them.
    /// </summary>
    public AgentBase SetPromptText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return Mutate(() =>
        {
            if (_state.Pom.Sections.Count > 0)
            {
                throw new InvalidOperationException("This agent's prompt already has sections; use either prompt text or sections, not both.");
            }

            _state.PromptText = text;
        });
    }

    /// <summary>
    /// Replaces every prompt section with a copy of <paramref name="pom"/> (see <see cref="Prompt.PromptObjectModel.FromJson"/>
    /// to import one from JSON). Like sections added one by one, it cannot be mixed with prompt text.
    /// </summary>
    public AgentBase SetPromptPom(Prompt.PromptObjectModel pom)
    {
        ArgumentNullException.ThrowIfNull(pom);
        var copy = pom.Clone();
        return Mutate(() =>
        {
            if (_state.PromptText is not null)
            {
                throw new InvalidOperationException("This agent's prompt is raw text; use either prompt text or sections, not both.");
            }

            _state.Pom = copy;
        });
    }

    /// <summary>Sets the post-prompt: instructions for the summary the AI produces when the call ends.</summary>
    public AgentBase SetPostPrompt(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return Mutate(() => _state.PostPrompt = text);
    }

    /// <summary>
    /// The prompt as plain text: the raw prompt text when set, else the sections rendered as Markdown
    /// (or XML with <paramref name="xml"/>).
    /// </summary>
    public string GetPromptText(bool xml = false)
    {
        lock (_gate)
        {
            return _state.PromptText ?? (xml ? _state.Pom.ToXml() : _state.Pom.ToMarkdown());
        }
    }

    /// <summary>The post-prompt text, if any.</summary>
    public string? PostPrompt
    {
        get
        {
            lock (_gate)
            {
                return _state.PostPrompt;
            }
        }
    }

    private void EnsureNoPromptText()
    {
        if (_state.PromptText is not null)
        {
            throw new InvalidOperationException("This agent uses raw prompt text; use either prompt text or sections, not both.");
        }
    }
}
