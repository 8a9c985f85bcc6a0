using System.Text.Json.Nodes;
using SignalWire.Agents.Json;
using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Asks a list of questions inside any agent: tools <c>[prefix_]start_questions</c> and
/// <c>[prefix_]submit_answer(answer, confirmed_by_user)</c>, with the state in global data under
/// <c>skill:info_gatherer_&lt;prefix&gt;</c> (or <c>skill:info_gatherer</c>), so several instances with different prefixes can
/// run side by side. A question marked <c>confirm</c> is only recorded once the caller has confirmed it.
/// Parameters: <c>questions</c> (1–50 of <c>{key_name, question_text, confirm?}</c>), <c>prefix</c>, <c>completion_message</c>.
/// </summary>
public sealed class InfoGathererSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "info_gatherer";

    /// <inheritdoc />
    public override string Description => "Ask a list of questions and record the answers";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <summary>Names the tools (<c>&lt;prefix&gt;_start_questions</c>) and the state key; default none.</summary>
    public string? Prefix { get => GetString("prefix"); set => SetParameter("prefix", value); }

    /// <inheritdoc />
    protected override string DefaultToolName => Prefix is { Length: > 0 } prefix ? prefix : Name;

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["questions"] = new JsonObject
            {
                ["type"] = "array",
                ["minItems"] = 1,
                ["maxItems"] = Questionnaire.MaxQuestions,
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["key_name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z_][a-z0-9_]{0,63}$" },
                        ["question_text"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 500 },
                        ["confirm"] = new JsonObject { ["type"] = "boolean" },
                    },
                    ["required"] = new JsonArray("key_name", "question_text"),
                    ["additionalProperties"] = false,
                },
            },
            ["prefix"] = new JsonObject { ["type"] = "string", ["description"] = "Prefix of the tool names and the state key", ["pattern"] = "^[a-z_][a-z0-9_]{0,31}$" },
            ["completion_message"] = new JsonObject { ["type"] = "string", ["description"] = "What the AI is told after the last answer", ["maxLength"] = 1000 },
        },
        ["required"] = new JsonArray("questions"),
    };

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var prefix = Prefix is { Length: > 0 } p ? p + "_" : string.Empty;
        var questions = GetNode("questions")!.AsArray()
            .Select(q => new InfoQuestion(q!["key_name"]!.GetValue<string>(), q["question_text"]!.GetValue<string>(), q.AsObject().GetBoolean("confirm") == true))
            .ToList();
        Questionnaire questionnaire;
        try
        {
            questionnaire = new Questionnaire(StateKey, prefix + "submit_answer", GetString("completion_message"));
            context.SetGlobalData(questionnaire.InitialGlobalData(questions));
        }
        catch (ArgumentException ex)
        {
            throw new AgentConfigurationException($"Skill '{Name}': {ex.Message}", ex);
        }

        context.DefineTool(prefix + "start_questions", "Start the questions with the first one", null, (_, call, _) => ValueTask.FromResult(questionnaire.Start(call)));
        context.DefineTool(prefix + "submit_answer", "Submit the answer to the current question and get the next one", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["answer"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's answer", ["minLength"] = 1, ["maxLength"] = 2000 },
                ["confirmed_by_user"] = new JsonObject { ["type"] = "boolean", ["description"] = "Whether the caller confirmed the answer when asked to" },
            },
            ["required"] = new JsonArray("answer"),
        }, (args, call, ct) => questionnaire.SubmitAsync(args["answer"]!.GetValue<string>(), args.GetBoolean("confirmed_by_user") == true, call, ct));
        context.AddPromptSection($"Questions{(prefix.Length > 0 ? " (" + Prefix + ")" : string.Empty)}", $"When the caller is ready, call {prefix}start_questions and ask each question it gives you, one at a time.");
    }
}
