using System.Text.Json.Nodes;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Asks a list of questions one at a time and records the answers: <c>start_questions</c> gives the AI the first
/// question, <c>submit_answer</c> stores an answer and gives the next. The questions, the position and the answers
/// travel in the call's global data (<c>questions</c>, <c>question_index</c>, <c>answers</c>), so any replica can
/// answer the next call; what comes back is validated before it is used.
/// </summary>
public class InfoGathererAgent : AgentBase
{
    /// <summary>Most questions one call may carry.</summary>
    public const int MaxQuestions = Questionnaire.MaxQuestions;

    private readonly Questionnaire _questions;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No questions (and no per-request source), or a question is invalid.</exception>
    public InfoGathererAgent(InfoGathererOptions options)
        : base(Prefab.Options(options?.Agent, "info_gatherer", "/info_gatherer"))
    {
        ArgumentNullException.ThrowIfNull(options);
        _questions = new Questionnaire(stateKey: null, "submit_answer", onCompleted: options.OnCompleted);
        if (options.QuestionsForRequest is null)
        {
            SetGlobalData(_questions.InitialGlobalData(options.Questions));
        }
        else
        {
            var source = options.QuestionsForRequest;
            OnRequest(async (request, copy, ct) => copy.SetGlobalData(_questions.InitialGlobalData(await source(request, ct).ConfigureAwait(false))));
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
        DefineTool("start_questions", "Start the question sequence with the first question", null, (_, context, _) => ValueTask.FromResult(_questions.Start(context)));
        DefineTool("submit_answer", "Submit the answer to the current question and get the next one", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["answer"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's answer to the current question", ["minLength"] = 1, ["maxLength"] = 2000 } },
            ["required"] = new JsonArray("answer"),
        }, (args, context, ct) => _questions.SubmitAsync(args["answer"]!.GetValue<string>(), confirmed: null, context, ct));
    }
}
