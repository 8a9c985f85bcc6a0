using SignalWire.Agents.Swaig;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Contexts;

/// <summary>
/// Builds the structured-workflow part of the prompt (<c>ai.prompt.contexts</c>): contexts made of steps,
/// with validation of every reference. By default it only renders what the official SWML schema defines;
/// the platform also understands extensions the schema lacks (gather_info, resets, history, context-level
/// valid_steps/valid_contexts/initial_step, system and user prompts), which
/// <see cref="AllowPlatformExtensions"/> turns on, at the price of a document the schema rejects.
/// </summary>
public sealed class ContextBuilder
{
    /// <summary>Most contexts an agent may have.</summary>
    public const int MaxContexts = 50;

    /// <summary>Name of the context every conversation starts in (the schema requires it).</summary>
    public const string DefaultContext = "default";

    /// <summary>Tools the platform adds for contexts; agents may not define tools with these names.</summary>
    public static readonly IReadOnlySet<string> ReservedToolNames = new HashSet<string>(StringComparer.Ordinal) { "next_step", "change_context", "gather_submit" };

    private readonly List<Context> _contexts = [];

    /// <summary>Whether platform extensions outside the official schema may be rendered.</summary>
    public bool PlatformExtensions { get; private set; }

    /// <summary>The contexts, in order.</summary>
    public IReadOnlyList<Context> Contexts => _contexts;

    /// <summary>Allows the platform extensions the official SWML schema does not define (see the class remarks).</summary>
    public ContextBuilder AllowPlatformExtensions()
    {
        PlatformExtensions = true;
        return this;
    }

    /// <summary>Adds a context; the first one a conversation enters must be named <c>default</c>.</summary>
    /// <exception cref="ArgumentException">A context with that name exists, or there are already <see cref="MaxContexts"/>.</exception>
    public Context AddContext(string name)
    {
        if (_contexts.Any(c => c.Name == name))
        {
            throw new ArgumentException($"Context '{name}' already exists.", nameof(name));
        }

        if (_contexts.Count >= MaxContexts)
        {
            throw new ArgumentException($"There are already the maximum of {MaxContexts} contexts.", nameof(name));
        }

        var context = new Context(name);
        _contexts.Add(context);
        return context;
    }

    /// <summary>The context named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public Context? GetContext(string name) => _contexts.Find(c => c.Name == name);

    /// <summary>
    /// Checks the workflow: a <c>default</c> context, steps in every context, existing initial steps and
    /// step/context references, well-formed gather-info, and (given the agent's tools) no tool that takes a
    /// reserved name and no step that names a tool that does not exist.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The first problem found.</exception>
    public void Validate(IReadOnlyCollection<string>? toolNames = null)
    {
        if (_contexts.Count == 0)
        {
            Fail("At least one context is required.");
        }

        if (GetContext(DefaultContext) is null)
        {
            Fail($"A context named '{DefaultContext}' is required: the conversation starts there. Found: {string.Join(", ", _contexts.Select(c => c.Name))}.");
        }

        var contextNames = _contexts.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var context in _contexts)
        {
            ValidateContext(context, contextNames);
        }

        if (!PlatformExtensions && Extensions().ToList() is { Count: > 0 } extensions)
        {
            Fail($"{string.Join("; ", extensions)}: not defined by the official SWML schema. Call AllowPlatformExtensions() to render them anyway (the document will then not validate against the schema).");
        }

        if (toolNames is not null)
        {
            ValidateTools(toolNames, References());
        }
    }

    /// <summary>Validates, then returns the <c>contexts</c> object.</summary>
    public JsonObject ToJson(IReadOnlyCollection<string>? toolNames = null)
    {
        Validate(toolNames);
        return Render();
    }

    /// <summary>Validates everything but tool references and freezes the result; the tools are checked when the agent renders.</summary>
    internal ContextsSnapshot Snapshot()
    {
        Validate();
        var references = References();
        return new ContextsSnapshot(Render(), toolNames => ValidateTools(toolNames, references));
    }

    private JsonObject Render() => new(_contexts.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.ToJson())));

    private static void ValidateContext(Context context, HashSet<string> contextNames)
    {
        var where = $"Context '{context.Name}'";
        if (context.Steps.Count == 0)
        {
            Fail($"{where} has no steps.");
        }

        var stepNames = context.Steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (context.InitialStep is { } initial && !stepNames.Contains(initial))
        {
            Fail($"{where}: initial step '{initial}' is not one of its steps ({string.Join(", ", stepNames)}).");
        }

        CheckSteps(where, context.ValidSteps, stepNames);
        CheckContexts(where, context.ValidContexts, contextNames);
        for (var i = 0; i < context.Steps.Count; i++)
        {
            var step = context.Steps[i];
            var stepWhere = $"{where}, step '{step.Name}'";
            CheckSteps(stepWhere, step.ValidSteps, stepNames);
            CheckContexts(stepWhere, step.ValidContexts, contextNames);
            if (!step.HasGatherInfo)
            {
                continue;
            }

            if (step.GatherQuestions.Count == 0)
            {
                Fail($"{stepWhere}: gather_info needs at least one question.");
            }

            if (step.GatherQuestions.GroupBy(q => q.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                Fail($"{stepWhere}: gather_info asks for key '{duplicate.Key}' more than once.");
            }

            switch (step.GatherCompletionAction)
            {
                case null:
                    break;
                case "next_step" when i == context.Steps.Count - 1:
                    Fail($"{stepWhere}: gather_info completes with next_step, but it is the last step.");
                    break;
                case "next_step":
                    break;
                case var target when !stepNames.Contains(target):
                    Fail($"{stepWhere}: gather_info completion action '{target}' is neither next_step nor a step of the context.");
                    break;
            }
        }
    }

    /// <summary>Every tool a step or gather question names: (context, step, function).</summary>
    private List<(string Context, string ContextStep, string Function)> References() =>
    [
        .. from context in _contexts
           from step in context.Steps
           from function in (step.Functions ?? []).Concat(step.GatherQuestions.SelectMany(q => q.Functions ?? []))
           select (context.Name, step.Name, function),
    ];

    private static void ValidateTools(IReadOnlyCollection<string> toolNames, List<(string Context, string ContextStep, string Function)> references)
    {
        var clashing = toolNames.Where(ReservedToolNames.Contains).ToList();
        if (clashing.Count > 0)
        {
            Fail($"Tool name(s) {string.Join(", ", clashing)} are reserved for the functions contexts add (next_step, change_context, gather_submit); rename the tool(s).");
        }

        var known = toolNames.Concat(ReservedToolNames).Concat(SwaigVocabulary.NativeFunctionNames).ToHashSet(StringComparer.Ordinal);
        foreach (var (context, step, function) in references)
        {
            if (!known.Contains(function))
            {
                Fail($"Context '{context}', step '{step}' uses function '{function}', which the agent does not define. Tools: {(toolNames.Count == 0 ? "(none)" : string.Join(", ", toolNames))}.");
            }
        }
    }

    private IEnumerable<string> Extensions()
    {
        foreach (var context in _contexts)
        {
            if (context.Extensions().ToList() is { Count: > 0 } contextKeys)
            {
                yield return $"context '{context.Name}' uses {string.Join(", ", contextKeys)}";
            }

            foreach (var step in context.Steps)
            {
                if (step.Extensions().ToList() is { Count: > 0 } stepKeys)
                {
                    yield return $"step '{context.Name}/{step.Name}' uses {string.Join(", ", stepKeys)}";
                }
            }
        }
    }

    private static void CheckSteps(string where, IReadOnlyList<string> targets, HashSet<string> stepNames)
    {
        if (targets.FirstOrDefault(t => t != "next" && !stepNames.Contains(t)) is { } unknown)
        {
            Fail($"{where}: valid step '{unknown}' is neither 'next' nor a step of the context.");
        }
    }

    private static void CheckContexts(string where, IReadOnlyList<string> targets, HashSet<string> contextNames)
    {
        if (targets.FirstOrDefault(t => !contextNames.Contains(t)) is { } unknown)
        {
            Fail($"{where}: valid context '{unknown}' does not exist.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) => throw new AgentConfigurationException(message);
}
