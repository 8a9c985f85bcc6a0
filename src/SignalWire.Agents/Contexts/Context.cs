using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Contexts;

/// <summary>
/// A named mode of the conversation made of ordered steps, with its own prompt, fillers and rules for
/// switching. Obtained from <see cref="ContextBuilder.AddContext"/>; setters return the context for chaining.
/// </summary>
public sealed class Context
{
    /// <summary>Most steps one context may have.</summary>
    public const int MaxSteps = 100;

    private readonly List<ContextStep> _steps = [];
    private readonly SectionText _prompt = new();
    private readonly SectionText _system = new();
    private readonly List<KeyValuePair<string, string[]>> _enterFillers = [];
    private readonly List<KeyValuePair<string, string[]>> _exitFillers = [];
    private string? _promptText;
    private string? _systemText;
    private List<string>? _validContexts;
    private List<string>? _validSteps;
    private string? _initialStep;
    private string? _postPrompt;
    private string? _userPrompt;
    private bool _consolidate;
    private bool _fullReset;
    private bool _isolated;
    private ContextHistory? _history;

    internal Context(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The context's name (the one the conversation starts in is <c>default</c>).</summary>
    public string Name { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ContextStep> Steps => _steps;

    /// <summary>Contexts this one may switch to.</summary>
    public IReadOnlyList<string> ValidContexts => _validContexts ?? [];

    /// <summary>Steps reachable from any step of this context.</summary>
    public IReadOnlyList<string> ValidSteps => _validSteps ?? [];

    /// <summary>The step the context starts at (default: the first).</summary>
    public string? InitialStep => _initialStep;

    /// <summary>
    /// Adds a step. <paramref name="task"/> becomes a "Task" section and <paramref name="bullets"/> a "Process"
    /// list; <paramref name="criteria"/>, <paramref name="functions"/> and <paramref name="validSteps"/> are set when given.
    /// </summary>
    /// <exception cref="ArgumentException">A step with that name exists, or the context is full.</exception>
    public ContextStep AddStep(string name, string? task = null, IEnumerable<string>? bullets = null, string? criteria = null, IEnumerable<string>? functions = null, IEnumerable<string>? validSteps = null)
    {
        if (_steps.Any(s => s.Name == name))
        {
            throw new ArgumentException($"Step '{name}' already exists in context '{Name}'.", nameof(name));
        }

        if (_steps.Count >= MaxSteps)
        {
            throw new ArgumentException($"Context '{Name}' already has the maximum of {MaxSteps} steps.", nameof(name));
        }

        var step = new ContextStep(name);
        if (task is not null)
        {
            step.AddSection("Task", task);
        }

        if (bullets is not null)
        {
            step.AddBullets("Process", bullets);
        }

        if (criteria is not null)
        {
            step.SetCriteria(criteria);
        }

        if (functions is not null)
        {
            step.SetFunctions(functions);
        }

        if (validSteps is not null)
        {
            step.SetValidSteps(validSteps);
        }

        _steps.Add(step);
        return step;
    }

    /// <summary>The step named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public ContextStep? GetStep(string name) => _steps.Find(s => s.Name == name);

    /// <summary>Removes the step named <paramref name="name"/>; returns whether there was one.</summary>
    public bool RemoveStep(string name) => _steps.RemoveAll(s => s.Name == name) > 0;

    /// <summary>Moves the step named <paramref name="name"/> to <paramref name="position"/> (0-based).</summary>
    /// <exception cref="ArgumentException">No such step.</exception>
    public Context MoveStep(string name, int position)
    {
        var step = GetStep(name) ?? throw new ArgumentException($"Step '{name}' not found in context '{Name}'.", nameof(name));
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _steps.Count);
        _steps.Remove(step);
        _steps.Insert(position, step);
        return this;
    }

    /// <summary>The context's own prompt as text (not combinable with sections).</summary>
    public Context SetPrompt(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Exclusive(_prompt.Count > 0, "prompt sections", "SetPrompt");
        _promptText = text;
        return this;
    }

    /// <summary>Adds a section to the context's prompt (rendered as POM).</summary>
    public Context AddSection(string title, string body)
    {
        Exclusive(_promptText is not null, "a prompt text", "prompt sections");
        _prompt.Add(title, body);
        return this;
    }

    /// <summary>Adds a bullet list to the context's prompt (rendered as POM).</summary>
    public Context AddBullets(string title, IEnumerable<string> bullets)
    {
        Exclusive(_promptText is not null, "a prompt text", "prompt sections");
        _prompt.AddBullets(title, bullets);
        return this;
    }

    /// <summary>Forgets earlier conversation on entering this context.</summary>
    public Context SetIsolated(bool isolated = true)
    {
        _isolated = isolated;
        return this;
    }

    /// <summary>Replaces the phrases said on entering, per language code (or <c>default</c>).</summary>
    public Context SetEnterFillers(IReadOnlyDictionary<string, IReadOnlyList<string>> fillers) => SetFillers(_enterFillers, fillers);

    /// <summary>Replaces the phrases said on leaving, per language code (or <c>default</c>).</summary>
    public Context SetExitFillers(IReadOnlyDictionary<string, IReadOnlyList<string>> fillers) => SetFillers(_exitFillers, fillers);

    /// <summary>Sets the phrases said on entering for one language code (or <c>default</c>).</summary>
    public Context AddEnterFiller(string languageCode, IEnumerable<string> phrases) => AddFiller(_enterFillers, languageCode, phrases);

    /// <summary>Sets the phrases said on leaving for one language code (or <c>default</c>).</summary>
    public Context AddExitFiller(string languageCode, IEnumerable<string> phrases) => AddFiller(_exitFillers, languageCode, phrases);

    /// <summary>Contexts reachable from every step (platform extension).</summary>
    public Context SetValidContexts(IEnumerable<string> contexts)
    {
        _validContexts = ContextStep.Names(contexts, nameof(contexts));
        return this;
    }

    /// <summary>Steps reachable from every step (platform extension).</summary>
    public Context SetValidSteps(IEnumerable<string> steps)
    {
        _validSteps = ContextStep.Names(steps, nameof(steps));
        return this;
    }

    /// <summary>The step the context starts at instead of the first (platform extension).</summary>
    public Context SetInitialStep(string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        _initialStep = step;
        return this;
    }

    /// <summary>A post-prompt for this context (platform extension).</summary>
    public Context SetPostPrompt(string postPrompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(postPrompt);
        _postPrompt = postPrompt;
        return this;
    }

    /// <summary>The system prompt used in this context, as text (platform extension; not combinable with system sections).</summary>
    public Context SetSystemPrompt(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Exclusive(_system.Count > 0, "system sections", "SetSystemPrompt");
        _systemText = text;
        return this;
    }

    /// <summary>Adds a section to the system prompt (platform extension).</summary>
    public Context AddSystemSection(string title, string body)
    {
        Exclusive(_systemText is not null, "a system prompt text", "system sections");
        _system.Add(title, body);
        return this;
    }

    /// <summary>Adds a bullet list to the system prompt (platform extension).</summary>
    public Context AddSystemBullets(string title, IEnumerable<string> bullets)
    {
        Exclusive(_systemText is not null, "a system prompt text", "system sections");
        _system.AddBullets(title, bullets);
        return this;
    }

    /// <summary>Summarises the conversation on entering (platform extension).</summary>
    public Context SetConsolidate(bool consolidate = true)
    {
        _consolidate = consolidate;
        return this;
    }

    /// <summary>Replaces the conversation on entering (platform extension).</summary>
    public Context SetFullReset(bool fullReset = true)
    {
        _fullReset = fullReset;
        return this;
    }

    /// <summary>Injects a user message on entering (platform extension).</summary>
    public Context SetUserPrompt(string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        _userPrompt = prompt;
        return this;
    }

    /// <summary>History handling on entering (platform extension).</summary>
    public Context SetHistory(ContextHistory history)
    {
        _history = history;
        return this;
    }

    /// <summary>Names of the platform extensions this context uses (keys the official SWML schema lacks).</summary>
    internal IEnumerable<string> Extensions()
    {
        var used = new (bool Used, string Key)[]
        {
            (_validContexts is not null, "valid_contexts"), (_validSteps is not null, "valid_steps"), (_initialStep is not null, "initial_step"),
            (_postPrompt is not null, "post_prompt"), (_systemText is not null || _system.Count > 0, "system_prompt"),
            (_consolidate, "consolidate"), (_fullReset, "full_reset"), (_userPrompt is not null, "user_prompt"), (_history is not null, "history"),
        };
        return used.Where(u => u.Used).Select(u => u.Key);
    }

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["steps"] = new JsonArray([.. _steps.Select(s => (JsonNode)s.ToJson())]) };
        AddList(json, "valid_contexts", _validContexts);
        AddList(json, "valid_steps", _validSteps);
        AddIf(json, "initial_step", _initialStep);
        AddIf(json, "post_prompt", _postPrompt);

        if ((_systemText ?? (_system.Count > 0 ? _system.ToText() : null)) is { } system)
        {
            json["system_prompt"] = system;
        }

        AddFlag(json, "consolidate", _consolidate);
        AddFlag(json, "full_reset", _fullReset);
        AddIf(json, "user_prompt", _userPrompt);
        AddFlag(json, "isolated", _isolated);
        if (_prompt.Count > 0)
        {
            json["pom"] = _prompt.ToPom();
        }
        else if (_promptText is not null)
        {
            json["text"] = _promptText;
        }

        AddFillers(json, "enter_fillers", _enterFillers);
        AddFillers(json, "exit_fillers", _exitFillers);
        if (_history is { } history)
        {
            json["history"] = history.ToString().ToLowerInvariant();
        }

        return json;
    }

    /// <summary>Fillers as the schema wants them: a list of one-language objects.</summary>
    private static void AddFillers(JsonObject json, string key, List<KeyValuePair<string, string[]>> fillers)
    {
        if (fillers.Count > 0)
        {
            json[key] = new JsonArray([.. fillers.Select(f => (JsonNode)new JsonObject { [f.Key] = new JsonArray([.. f.Value.Select(p => (JsonNode)p)]) })]);
        }
    }

    private Context SetFillers(List<KeyValuePair<string, string[]>> target, IReadOnlyDictionary<string, IReadOnlyList<string>> fillers)
    {
        ArgumentNullException.ThrowIfNull(fillers);
        target.Clear();
        foreach (var (language, phrases) in fillers)
        {
            AddFiller(target, language, phrases);
        }

        return this;
    }

    private Context AddFiller(List<KeyValuePair<string, string[]>> target, string languageCode, IEnumerable<string> phrases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(languageCode);
        ArgumentNullException.ThrowIfNull(phrases);
        var list = phrases.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"Fillers for '{languageCode}' need at least one phrase.", nameof(phrases));
        }

        target.RemoveAll(f => f.Key == languageCode);
        target.Add(KeyValuePair.Create(languageCode, list));
        return this;
    }

    private void Exclusive(bool conflict, string existing, string attempted)
    {
        if (conflict)
        {
            throw new InvalidOperationException($"Context '{Name}' already has {existing}; {attempted} cannot be combined with it.");
        }
    }
}
