using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Asks a list of questions one at a time and records the answers: <c>start_questions</c> gives the AI the first
/// question, <c>submit_answer</c> stores an answer and gives the next. The questions, the position and the answers
/// travel in the call's global data (<c>questions</c>, <c>question_index</c>, <c>answers</c>), so any replica can
/// answer the next call; what comes back is validated before it is used.
/// </summary>
public partial class InfoGathererAgent : AgentBase
{
    /// <summary>Most questions one call may carry.</summary>
    public const int MaxQuestions = 50;

    private readonly Func<IReadOnlyDictionary<string, string>, ToolCallContext, CancellationToken, ValueTask>? _onCompleted;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No questions (and no per-request source), or a question is invalid.</exception>
    public InfoGathererAgent(InfoGathererOptions options)
        : base(Prefab.Options(options?.Agent, "info_gatherer", "/info_gatherer"))
    {
        ArgumentNullException.ThrowIfNull(options);
        _onCompleted = options.OnCompleted;
        if (options.QuestionsForRequest is null)
        {
            SetGlobalData(StateFor(Validate(options.Questions)));
        }
        else
        {
            var source = options.QuestionsForRequest;
            OnRequest(async (request, copy, ct) => copy.SetGlobalData(StateFor(Validate(await source(request, ct).ConfigureAwait(false)))));
        }

        PromptAddSection("Objective", "Your role is to gather answers to a series of questions. Ask the caller whether they are ready to answer a few questions; when they are, call start_questions.");
        PromptAddSection("Rules", bullets:
        [
            "Ask exactly the question the tools give you, one at a time, and nothing else.",
            "Submit each answer with submit_answer as soon as you have it (and, where asked, the caller has confirmed it).",
            "Do not tell the caller the answers of other callers or make up answers.",
        ]);
        SetParam("end_of_speech_timeout", 800);
        SetParam("speech_event_timeout", 1000);
        DefineTool("start_questions", "Start the question sequence with the first question", null, StartQuestionsAsync);
        DefineTool("submit_answer", "Submit the answer to the current question and get the next one", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["answer"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's answer to the current question", ["minLength"] = 1, ["maxLength"] = 2000 } },
            ["required"] = new JsonArray("answer"),
        }, SubmitAnswerAsync);
    }

    private static IReadOnlyList<InfoQuestion> Validate(IReadOnlyList<InfoQuestion>? questions)
    {
        if (questions is null || questions.Count == 0)
        {
            throw new ArgumentException("InfoGathererAgent needs at least one question.", nameof(questions));
        }

        if (questions.Count > MaxQuestions)
        {
            throw new ArgumentException($"InfoGathererAgent takes at most {MaxQuestions} questions (got {questions.Count}).", nameof(questions));
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

    private static JsonObject StateFor(IReadOnlyList<InfoQuestion> questions) => new()
    {
        ["questions"] = new JsonArray([.. questions.Select(q => (JsonNode)new JsonObject { ["key_name"] = q.KeyName, ["question_text"] = q.QuestionText, ["confirm"] = q.Confirm })]),
        ["question_index"] = 0,
        ["answers"] = new JsonArray(),
    };

    private ValueTask<FunctionResult> StartQuestionsAsync(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        if (Read(context) is not { } state)
        {
            return ValueTask.FromResult(new FunctionResult(StateLost));
        }

        return ValueTask.FromResult(state.Index >= state.Questions.Count
            ? new FunctionResult("All questions have already been answered.")
            : new FunctionResult(Instruction(state.Questions[state.Index])).ReplaceInHistory("Welcome! Let me ask you a few questions."));
    }

    private async ValueTask<FunctionResult> SubmitAnswerAsync(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        if (Read(context) is not { } state)
        {
            return new FunctionResult(StateLost);
        }

        if (state.Index >= state.Questions.Count)
        {
            return new FunctionResult("All questions have already been answered.");
        }

        var answer = args["answer"]!.GetValue<string>().Trim();
        var answers = new JsonArray([.. state.Answers.Select(a => (JsonNode)new JsonObject { ["key_name"] = a.Key, ["answer"] = a.Value })]);
        answers.Add((JsonNode)new JsonObject { ["key_name"] = state.Questions[state.Index].KeyName, ["answer"] = answer });
        var next = state.Index + 1;
        var update = new JsonObject { ["answers"] = answers, ["question_index"] = next };
        if (next < state.Questions.Count)
        {
            return new FunctionResult(Instruction(state.Questions[next])).ReplaceInHistory().UpdateGlobalData(update);
        }

        if (_onCompleted is { } completed)
        {
            var all = state.Answers.Append(new(state.Questions[state.Index].KeyName, answer)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            await completed(all, context, cancellationToken).ConfigureAwait(false);
        }

        return new FunctionResult("Thank you! All questions have been answered. Let the caller know and ask whether there is anything else.").ReplaceInHistory().UpdateGlobalData(update);
    }

    private const string StateLost = "The questions for this call could not be found. Apologise and offer to take a message instead.";

    /// <summary>The instruction for <paramref name="question"/>, quoting it exactly.</summary>
    private static string Instruction(InfoQuestion question) =>
        $"Ask the caller: \"{question.QuestionText}\". Once you have the answer, call submit_answer with it. "
        + (question.Confirm ? "Read the answer back and insist on confirmation until the caller says it is correct, then submit it." : "You do not need the caller to confirm it.");

    /// <summary>The call's state from the request's global data, or <see langword="null"/> when it is missing or not in the shape this agent writes.</summary>
    private static (IReadOnlyList<InfoQuestion> Questions, int Index, List<KeyValuePair<string, string>> Answers)? Read(ToolCallContext context)
    {
        if (context.GlobalData is not { } data
            || data["questions"] is not JsonArray list || list.Count is 0 or > MaxQuestions
            || data["question_index"] is not JsonValue indexValue || !indexValue.TryGetValue<int>(out var index) || index < 0 || index > list.Count)
        {
            return null;
        }

        var questions = new List<InfoQuestion>();
        foreach (var item in list)
        {
            if (item is not JsonObject q || q["key_name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || q["question_text"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return null;
            }

            questions.Add(new InfoQuestion(q["key_name"]!.GetValue<string>(), q["question_text"]!.GetValue<string>(), q["confirm"]?.GetValueKind() == System.Text.Json.JsonValueKind.True));
        }

        var answers = new List<KeyValuePair<string, string>>();
        foreach (var item in data["answers"] as JsonArray ?? [])
        {
            if (item is JsonObject a && a["key_name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && a["answer"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
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
