using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Runs a survey: rating, multiple-choice, yes/no and open questions asked in order. <c>validate_response</c> checks
/// an answer against its question; <c>log_response</c> checks it again and records it (global data <c>responses</c>,
/// and <see cref="SurveyOptions.OnResponse"/>), so nothing invalid is ever recorded.
/// </summary>
public partial class SurveyAgent : AgentBase
{
    private readonly Dictionary<string, SurveyQuestion> _questions;
    private readonly Func<string, string, ToolCallContext, CancellationToken, ValueTask>? _onResponse;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No name or questions, or a question is invalid.</exception>
    public SurveyAgent(SurveyOptions options)
        : base(Prefab.Options(options?.Agent, "survey", "/survey"))
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = Prefab.Required(options.SurveyName, "SurveyOptions.SurveyName");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetries, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxRetries, 5);
        _questions = Validate(options.Questions);
        _onResponse = options.OnResponse;

        var brand = options.BrandName is { Length: > 0 } b ? $" for {b}" : string.Empty;
        PromptAddSection("Role", $"You conduct the \"{name}\" survey{brand} by phone: friendly, brief and neutral.");
        PromptAddSection("Introduction", options.Introduction ?? $"Welcome to the {name} survey{brand}. It takes only a few minutes.");
        PromptAddSection("Questions", bullets: [.. options.Questions.Select(Describe)]);
        PromptAddSection("Instructions", bullets:
        [
            "Ask the questions in order, one at a time, exactly as written.",
            "Check each answer with validate_response; when it is valid, record it with log_response.",
            $"When an answer is not valid, explain what is expected and ask again, at most {options.MaxRetries} more time(s); then move on.",
            "Never suggest an answer or comment on the caller's opinions.",
        ]);
        PromptAddSection("Conclusion", options.Conclusion ?? "Thank the caller for their time and end the call politely.");
        SetGlobalData(new JsonObject { ["survey_name"] = name, ["responses"] = new JsonObject() });
        var ids = new JsonArray([.. _questions.Keys.Select(id => (JsonNode)id)]);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["question_id"] = new JsonObject { ["type"] = "string", ["description"] = "The question's id", ["enum"] = ids },
                ["response"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's answer", ["maxLength"] = 1000 },
            },
            ["required"] = new JsonArray("question_id", "response"),
        };
        DefineTool("validate_response", "Check whether an answer meets its question's requirements", schema, ValidateResponse);
        DefineTool("log_response", "Record a valid answer to a survey question", (JsonObject)schema.DeepClone(), LogResponseAsync);
    }

    private static Dictionary<string, SurveyQuestion> Validate(IReadOnlyList<SurveyQuestion>? questions)
    {
        if (questions is null || questions.Count == 0)
        {
            throw new ArgumentException("SurveyAgent needs at least one question.", nameof(questions));
        }

        var byId = new Dictionary<string, SurveyQuestion>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            ArgumentNullException.ThrowIfNull(q, nameof(questions));
            if (!IdPattern().IsMatch(q.Id ?? string.Empty) || string.IsNullOrWhiteSpace(q.Text))
            {
                throw new ArgumentException($"Survey question '{q.Id}': the id must match [a-z_][a-z0-9_]* and the text must not be empty.", nameof(questions));
            }

            if (q.Type == SurveyQuestionType.MultipleChoice && (q.Options is null || q.Options.Count < 2 || q.Options.Any(string.IsNullOrWhiteSpace)))
            {
                throw new ArgumentException($"Survey question '{q.Id}' is multiple choice and needs at least two non-empty options.", nameof(questions));
            }

            if (q.Type == SurveyQuestionType.Rating && q.Scale is < 2 or > 10)
            {
                throw new ArgumentException($"Survey question '{q.Id}': a rating scale runs from 1 to 2..10 (got {q.Scale}).", nameof(questions));
            }

            if (!byId.TryAdd(q.Id!, q))
            {
                throw new ArgumentException($"Survey question id '{q.Id}' is used twice.", nameof(questions));
            }
        }

        return byId;
    }

    private static string Describe(SurveyQuestion q) => q.Type switch
    {
        SurveyQuestionType.Rating => $"{q.Id}: {q.Text} (a rating from 1 to {q.Scale})",
        SurveyQuestionType.MultipleChoice => $"{q.Id}: {q.Text} (one of: {string.Join(", ", q.Options!)})",
        SurveyQuestionType.YesNo => $"{q.Id}: {q.Text} (yes or no)",
        _ => $"{q.Id}: {q.Text} (open answer{(q.Required ? string.Empty : ", optional")})",
    };

    /// <summary>The answer as recorded, or why it is not valid.</summary>
    private (string? Value, string? Problem) Check(string id, string response)
    {
        var q = _questions[id];
        var text = response.Trim();
        switch (q.Type)
        {
            case SurveyQuestionType.Rating:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating >= 1 && rating <= q.Scale
                    ? (rating.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"the answer must be a whole number from 1 to {q.Scale}");
            case SurveyQuestionType.MultipleChoice:
                return q.Options!.FirstOrDefault(o => string.Equals(o.Trim(), text, StringComparison.OrdinalIgnoreCase)) is { } option
                    ? (option, null)
                    : (null, $"the answer must be one of: {string.Join(", ", q.Options!)}");
            case SurveyQuestionType.YesNo:
                return text.ToUpperInvariant() switch
                {
                    "YES" or "Y" => ("yes", null),
                    "NO" or "N" => ("no", null),
                    _ => (null, "the answer must be yes or no"),
                };
            default:
                return text.Length == 0 && q.Required ? (null, "an answer is required") : (text, null);
        }
    }

    private ValueTask<FunctionResult> ValidateResponse(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var id = args["question_id"]!.GetValue<string>();
        var (value, problem) = Check(id, args["response"]!.GetValue<string>());
        return ValueTask.FromResult(new FunctionResult(problem is null
            ? $"The answer to {id} is valid ({value}). Record it with log_response."
            : $"The answer to {id} is not valid: {problem}. Ask again."));
    }

    private async ValueTask<FunctionResult> LogResponseAsync(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var id = args["question_id"]!.GetValue<string>();
        var (value, problem) = Check(id, args["response"]!.GetValue<string>());
        if (problem is not null)
        {
            return new FunctionResult($"Not recorded: the answer to {id} is not valid: {problem}. Ask again.");
        }

        if (_onResponse is { } record)
        {
            await record(id, value!, context, cancellationToken).ConfigureAwait(false);
        }

        var responses = context.GlobalData?["responses"] is JsonObject existing ? (JsonObject)existing.DeepClone() : [];
        responses[id] = value;
        return new FunctionResult($"Recorded the answer to {id}. Go on with the next question.").UpdateGlobalData(new JsonObject { ["responses"] = responses });
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,63}$")]
    private static partial Regex IdPattern();
}
