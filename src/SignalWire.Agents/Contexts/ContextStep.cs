using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Contexts;

/// <summary>
/// One step of a context: its instructions (plain text, or titled sections rendered as text), when it is
/// complete, which tools it may use and where it may go next. Setters return the step for chaining.
/// </summary>
public sealed class ContextStep
{
    private readonly SectionText _sections = new();
    private string? _text;
    private string? _criteria;
    private List<string>? _functions;
    private List<string>? _validSteps;
    private List<string>? _validContexts;
    private bool _end;
    private bool _skipUserTurn;
    private bool _skipToNextStep;
    private ContextHistory? _history;
    private string? _resetSystemPrompt;
    private string? _resetUserPrompt;
    private bool _resetConsolidate;
    private bool _resetFullReset;
    private GatherSettings? _gather;

    internal ContextStep(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name == "next")
        {
            throw new ArgumentException("'next' is reserved (it means the following step) and cannot name a step.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The step's name, unique in its context.</summary>
    public string Name { get; }

    /// <summary>Tools this step may call, when restricted (<see langword="null"/>: inherited from the previous step).</summary>
    public IReadOnlyList<string>? Functions => _functions;

    /// <summary>Steps this one may move to (<c>next</c> or a step of the same context).</summary>
    public IReadOnlyList<string> ValidSteps => _validSteps ?? [];

    /// <summary>Contexts this step may switch to.</summary>
    public IReadOnlyList<string> ValidContexts => _validContexts ?? [];

    /// <summary>The gather-info questions, when the step collects answers.</summary>
    public IReadOnlyList<GatherQuestion> GatherQuestions => _gather?.Questions ?? [];

    internal string? GatherCompletionAction => _gather?.CompletionAction;

    internal bool HasGatherInfo => _gather is not null;

    /// <summary>Sets the step's instructions as plain text (not combinable with sections).</summary>
    public ContextStep SetText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (_sections.Count > 0)
        {
            throw new InvalidOperationException($"Step '{Name}' already has sections; use sections or SetText, not both.");
        }

        _text = text;
        return this;
    }

    /// <summary>Adds a titled section to the step's instructions (not combinable with <see cref="SetText"/>).</summary>
    public ContextStep AddSection(string title, string body)
    {
        EnsureNoText();
        _sections.Add(title, body);
        return this;
    }

    /// <summary>Adds a titled bullet list to the step's instructions (not combinable with <see cref="SetText"/>).</summary>
    public ContextStep AddBullets(string title, IEnumerable<string> bullets)
    {
        EnsureNoText();
        _sections.AddBullets(title, bullets);
        return this;
    }

    /// <summary>Removes the step's sections and text.</summary>
    public ContextStep ClearSections()
    {
        _sections.Clear();
        _text = null;
        return this;
    }

    /// <summary>What must be true for the step to be complete (<c>step_criteria</c>).</summary>
    public ContextStep SetCriteria(string criteria)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria);
        _criteria = criteria;
        return this;
    }

    /// <summary>Restricts the tools this step may call; an empty list allows none.</summary>
    public ContextStep SetFunctions(IEnumerable<string> functions)
    {
        _functions = Names(functions, nameof(functions));
        return this;
    }

    /// <summary>The steps this one may move to: names of the same context, or <c>next</c>.</summary>
    public ContextStep SetValidSteps(IEnumerable<string> steps)
    {
        _validSteps = Names(steps, nameof(steps));
        return this;
    }

    /// <summary>The contexts this step may switch to.</summary>
    public ContextStep SetValidContexts(IEnumerable<string> contexts)
    {
        _validContexts = Names(contexts, nameof(contexts));
        return this;
    }

    /// <summary>Leaves step mode once this step is done (the call goes on).</summary>
    public ContextStep SetEnd(bool end = true)
    {
        _end = end;
        return this;
    }

    /// <summary>Moves on without waiting for the caller.</summary>
    public ContextStep SetSkipUserTurn(bool skip = true)
    {
        _skipUserTurn = skip;
        return this;
    }

    /// <summary>Goes straight to the next step when this one completes (platform extension).</summary>
    public ContextStep SetSkipToNextStep(bool skip = true)
    {
        _skipToNextStep = skip;
        return this;
    }

    /// <summary>History handling on entering the step (platform extension).</summary>
    public ContextStep SetHistory(ContextHistory history)
    {
        _history = history;
        return this;
    }

    /// <summary>Replaces the system prompt on entering the step (platform extension).</summary>
    public ContextStep SetResetSystemPrompt(string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        _resetSystemPrompt = prompt;
        return this;
    }

    /// <summary>Injects a user message on entering the step (platform extension).</summary>
    public ContextStep SetResetUserPrompt(string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        _resetUserPrompt = prompt;
        return this;
    }

    /// <summary>Summarises the conversation on entering the step (platform extension).</summary>
    public ContextStep SetResetConsolidate(bool consolidate = true)
    {
        _resetConsolidate = consolidate;
        return this;
    }

    /// <summary>Replaces the whole conversation on entering the step (platform extension).</summary>
    public ContextStep SetResetFullReset(bool fullReset = true)
    {
        _resetFullReset = fullReset;
        return this;
    }

    /// <summary>
    /// Makes the step collect answers to questions (platform extension): they are stored under
    /// <paramref name="outputKey"/> in global data, then <paramref name="completionAction"/> runs
    /// (<c>next_step</c> or a step name).
    /// </summary>
    public ContextStep SetGatherInfo(string? outputKey = null, string? completionAction = null, string? prompt = null, bool isolated = false)
    {
        _gather = new GatherSettings(outputKey, completionAction, prompt, isolated, _gather?.Questions ?? []);
        return this;
    }

    /// <summary>Adds a question to the step's gather-info (call <see cref="SetGatherInfo"/> first).</summary>
    public ContextStep AddGatherQuestion(string key, string question, string type = "string", bool confirm = false, string? prompt = null, IEnumerable<string>? functions = null, bool? isolated = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (_gather is null)
        {
            throw new InvalidOperationException($"Step '{Name}': call SetGatherInfo() before AddGatherQuestion().");
        }

        _gather.Questions.Add(new GatherQuestion(key, question, type, confirm, prompt, functions?.ToArray(), isolated));
        return this;
    }

    /// <summary>Names of the platform extensions this step uses (keys the official SWML schema lacks).</summary>
    internal IEnumerable<string> Extensions()
    {
        if (_skipToNextStep)
        {
            yield return "skip_to_next_step";
        }

        if (_history is not null)
        {
            yield return "history";
        }

        if (HasReset)
        {
            yield return "reset";
        }

        if (_gather is not null)
        {
            yield return "gather_info";
        }
    }

    private bool HasReset => _resetSystemPrompt is not null || _resetUserPrompt is not null || _resetConsolidate || _resetFullReset;

    internal JsonObject ToJson()
    {
        var text = _text ?? (_sections.Count > 0 ? _sections.ToText() : null)
            ?? throw new AgentConfigurationException($"Step '{Name}' has no text or sections.");
        var json = new JsonObject { ["name"] = Name, ["text"] = text };
        AddIf(json, "step_criteria", _criteria);
        AddList(json, "functions", _functions);
        AddList(json, "valid_steps", _validSteps);
        AddList(json, "valid_contexts", _validContexts);
        AddFlag(json, "end", _end);
        AddFlag(json, "skip_user_turn", _skipUserTurn);
        AddFlag(json, "skip_to_next_step", _skipToNextStep);
        if (_history is { } history)
        {
            json["history"] = history.ToString().ToLowerInvariant();
        }

        if (HasReset)
        {
            var reset = new JsonObject();
            AddIf(reset, "system_prompt", _resetSystemPrompt);
            AddIf(reset, "user_prompt", _resetUserPrompt);
            AddFlag(reset, "consolidate", _resetConsolidate);
            AddFlag(reset, "full_reset", _resetFullReset);
            json["reset"] = reset;
        }

        if (_gather is { } gather)
        {
            json["gather_info"] = gather.ToJson();
        }

        return json;
    }

    internal static List<string> Names(IEnumerable<string> names, string parameter)
    {
        ArgumentNullException.ThrowIfNull(names, parameter);
        var list = names.ToList();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Names must not be empty.", parameter);
        }

        return list;
    }

    private void EnsureNoText()
    {
        if (_text is not null)
        {
            throw new InvalidOperationException($"Step '{Name}' already has text; use sections or SetText, not both.");
        }
    }

    private sealed record GatherSettings(string? OutputKey, string? CompletionAction, string? Prompt, bool Isolated, List<GatherQuestion> Questions)
    {
        public JsonObject ToJson()
        {
            var json = new JsonObject { ["questions"] = new JsonArray([.. Questions.Select(q => (JsonNode)q.ToJson())]) };
            AddIf(json, "prompt", Prompt);
            AddIf(json, "output_key", OutputKey);
            AddIf(json, "completion_action", CompletionAction);
            AddFlag(json, "isolated", Isolated);
            return json;
        }
    }
}
