using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Asking questions one at a time, as <see cref="InfoGathererAgent"/> and the <c>info_gatherer</c> skill do. The
/// state (<c>questions</c>, <c>question_index</c>, <c>answers</c>) travels in the call's global data — at its top
/// level, or under <see cref="StateKey"/> — so any replica can answer the next call; what comes back is validated
/// before it is used.
/// </summary>
public sealed partial class Questionnaire
{
    /// <summary>Most questions one call may carry.</summary>
    public const int MaxQuestions = 50;

    /// <summary>The answer when the state is missing or not in the shape this class writes.</summary>
    public const string StateLost = "The questions for this call could not be found. Apologise and offer to take a message instead.";

    private readonly Func<IReadOnlyDictionary<string, string>, ToolCallContext, CancellationToken, ValueTask>? _onCompleted;

    /// <summary>Creates the state machine.</summary>
    /// <param name="stateKey">The global-data key the state lives under, or <see langword="null"/> for the top level.</param>
    /// <param name="submitTool">The name of the tool that submits answers (quoted in the instructions).</param>
    /// <param name="completionMessage">What the AI is told after the last answer.</param>
    /// <param name="onCompleted">Runs with every answer by key after the last one.</param>
    public Questionnaire(string? stateKey, string submitTool, string? completionMessage = null, Func<IReadOnlyDictionary<string, string>, ToolCallContext, CancellationToken, ValueTask>? onCompleted = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(submitTool);
        StateKey = stateKey;
        SubmitTool = submitTool;
        CompletionMessage = completionMessage ?? "Thank you! All questions have been answered. Let the caller know and ask whether there is anything else.";
        _onCompleted = onCompleted;
    }

    /// <summary>The global-data key of the state, or <see langword="null"/> for the top level.</summary>
    public string? StateKey { get; }

    /// <summary>The tool that submits answers.</summary>
    public string SubmitTool { get; }

    /// <summary>What the AI is told after the last answer.</summary>
    public string CompletionMessage { get; }

    /// <summary>Checks <paramref name="questions"/>: 1 to 50, key names <c>[a-z_][a-z0-9_]*</c> and unique, texts not empty.</summary>
    /// <exception cref="ArgumentException">They are not.</exception>
    public static IReadOnlyList<InfoQuestion> Validate(IReadOnlyList<InfoQuestion>? questions)
    {
        if (questions is null || questions.Count == 0)
        {
            throw new ArgumentException("At least one question is needed.", nameof(questions));
        }

        if (questions.Count > MaxQuestions)
        {
            throw new ArgumentException($"At most {MaxQuestions} questions are allowed (got {questions.Count}).", nameof(questions));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (question is null || !KeyPattern().IsMatch(question.KeyName ?? string.Empty) || string.IsNullOrWhiteSpace(question.QuestionText))
            {
                throw new ArgumentException($"Question '{question?.KeyName}': key_name must match [a-z_][a-z0-9_]* and question_text must not be empty.", nameof(questions));
            }

            if (!keys.Add(question.KeyName!))
            {
                throw new ArgumentException($"Question key_name '{question.KeyName}' is used twice.", nameof(questions));
            }
        }

        return questions;
    }

    /// <summary>The global data that starts a call on <paramref name="questions"/> (validated).</summary>
    public JsonObject InitialGlobalData(IReadOnlyList<InfoQuestion> questions) => Wrap(State(Validate(questions), 0, []));

    /// <summary>Answers the start tool: the current question, or that all are answered.</summary>
    public FunctionResult Start(ToolCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Read(context) is not { } state)
        {
            return new FunctionResult(StateLost);
        }

        return state.Index >= state.Questions.Count
            ? new FunctionResult("All questions have already been answered.")
            : new FunctionResult(Instruction(state.Questions[state.Index])).ReplaceInHistory("Welcome! Let me ask you a few questions.");
    }

    /// <summary>
    /// Records <paramref name="answer"/> for the current question and gives the next one. With
    /// <paramref name="confirmed"/> given, a question that needs confirmation is only answered when it is true.
    /// </summary>
    public async ValueTask<FunctionResult> SubmitAsync(string answer, bool? confirmed, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        if (Read(context) is not { } state)
        {
            return new FunctionResult(StateLost);
        }

        if (state.Index >= state.Questions.Count)
        {
            return new FunctionResult("All questions have already been answered.");
        }

        var current = state.Questions[state.Index];
        if (current.Confirm && confirmed == false)
        {
            return new FunctionResult($"Read the answer back to the caller and ask them to confirm it; then call {SubmitTool} again with confirmed_by_user set to true.");
        }

        var answers = new List<KeyValuePair<string, string>>(state.Answers) { new(current.KeyName, answer.Trim()) };
        var next = state.Index + 1;
        var update = StateKey is null
            ? new JsonObject { ["answers"] = AnswersJson(answers), ["question_index"] = next }
            : Wrap(State(state.Questions, next, answers));
        if (next < state.Questions.Count)
        {
            return new FunctionResult(Instruction(state.Questions[next])).ReplaceInHistory().UpdateGlobalData(update);
        }

        if (_onCompleted is { } completed)
        {
            await completed(answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), context, cancellationToken).ConfigureAwait(false);
        }

        return new FunctionResult(CompletionMessage).ReplaceInHistory().UpdateGlobalData(update);
    }

    private JsonObject Wrap(JsonObject state) => StateKey is null ? state : new JsonObject { [StateKey] = state };

    private static JsonObject State(IReadOnlyList<InfoQuestion> questions, int index, List<KeyValuePair<string, string>> answers) => new()
    {
        ["questions"] = new JsonArray([.. questions.Select(q => (JsonNode)new JsonObject { ["key_name"] = q.KeyName, ["question_text"] = q.QuestionText, ["confirm"] = q.Confirm })]),
        ["question_index"] = index,
        ["answers"] = AnswersJson(answers),
    };

    private static JsonArray AnswersJson(List<KeyValuePair<string, string>> answers) =>
        new([.. answers.Select(a => (JsonNode)new JsonObject { ["key_name"] = a.Key, ["answer"] = a.Value })]);

    private string Instruction(InfoQuestion question) =>
        $"Ask the caller: \"{question.QuestionText}\". Once you have the answer, call {SubmitTool} with it. "
        + (question.Confirm ? "Read the answer back and insist on confirmation until the caller says it is correct, then submit it." : "You do not need the caller to confirm it.");

    /// <summary>The call's state, or <see langword="null"/> when it is missing or not in the shape written here.</summary>
    private (IReadOnlyList<InfoQuestion> Questions, int Index, List<KeyValuePair<string, string>> Answers)? Read(ToolCallContext context)
    {
        var data = StateKey is null ? context.GlobalData : context.GlobalData?[StateKey] as JsonObject;
        if (data is null
            || data["questions"] is not JsonArray list || list.Count is 0 or > MaxQuestions
            || data["question_index"] is not JsonValue indexValue || !indexValue.TryGetValue<int>(out var index) || index < 0 || index > list.Count)
        {
            return null;
        }

        var questions = new List<InfoQuestion>();
        foreach (var item in list)
        {
            if (item is not JsonObject q || q["key_name"]?.GetValueKind() != JsonValueKind.String || q["question_text"]?.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            questions.Add(new InfoQuestion(q["key_name"]!.GetValue<string>(), q["question_text"]!.GetValue<string>(), q["confirm"]?.GetValueKind() == JsonValueKind.True));
        }

        var answers = new List<KeyValuePair<string, string>>();
        foreach (var item in data["answers"] as JsonArray ?? [])
        {
            if (item is JsonObject a && a["key_name"]?.GetValueKind() == JsonValueKind.String && a["answer"]?.GetValueKind() == JsonValueKind.String)
            {
                answers.Add(new(a["key_name"]!.GetValue<string>(), a["answer"]!.GetValue<string>()));
            }
        }

        try
        {
            return (Validate(questions), index, answers);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
