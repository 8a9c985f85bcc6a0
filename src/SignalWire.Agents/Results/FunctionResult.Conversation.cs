using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Actions that steer the conversation and the AI's settings.</summary>
public sealed partial class FunctionResult
{
    /// <summary>Longest hold, in seconds.</summary>
    public const int MaxHoldSeconds = 900;

    /// <summary>Moves to step <paramref name="step"/> of the current context: <c>{"change_step": step}</c>.</summary>
    public FunctionResult ChangeStep(string step) => AddAction("change_step", Required(step));

    /// <summary>Moves to context <paramref name="context"/>: <c>{"change_context": context}</c>.</summary>
    public FunctionResult ChangeContext(string context) => AddAction("change_context", Required(context));

    /// <summary>
    /// Puts the caller on hold for <paramref name="timeout"/> seconds (clamped to 0–900). With
    /// <paramref name="step"/> or <paramref name="timeoutStep"/> the hold names where to resume. With
    /// <paramref name="prompt"/> the response becomes <c>{"tool_result":"status: on hold","tool_prompt": prompt}</c>
    /// and post-processing is switched on, so the AI tells the caller first.
    /// </summary>
    public FunctionResult Hold(int timeout = 300, string? prompt = null, string? step = null, string? timeoutStep = null)
    {
        var seconds = Math.Clamp(timeout, 0, MaxHoldSeconds);
        if (prompt is not null)
        {
            SetToolResponse("status: on hold", prompt);
            PostProcess = true;
        }

        if (step is null && timeoutStep is null)
        {
            return AddAction("hold", seconds);
        }

        var hold = new JsonObject { ["timeout"] = seconds };
        if (step is not null)
        {
            hold["step"] = step;
        }

        if (timeoutStep is not null)
        {
            hold["timeout_step"] = timeoutStep;
        }

        return AddAction("hold", hold);
    }

    /// <summary>
    /// Makes the AI wait for the caller: <c>{"wait_for_user": "answer_first" | timeout | enabled | true}</c>,
    /// in that order of precedence.
    /// </summary>
    public FunctionResult WaitForUser(bool? enabled = null, int? timeout = null, bool answerFirst = false) =>
        AddAction("wait_for_user", answerFirst ? JsonValue.Create("answer_first") : timeout is { } t ? JsonValue.Create(t) : JsonValue.Create(enabled ?? true));

    /// <summary>Plays <paramref name="file"/> in the background: <c>{"playback_bg": file}</c>, or with <c>wait</c>.</summary>
    public FunctionResult PlayBackgroundFile(string file, bool wait = false) =>
        AddAction("playback_bg", wait ? new JsonObject { ["file"] = Required(file), ["wait"] = true } : JsonValue.Create(Required(file)));

    /// <summary>Stops the background file: <c>{"stop_playback_bg": true}</c>.</summary>
    public FunctionResult StopBackgroundFile() => AddAction("stop_playback_bg", true);

    /// <summary>Adds speech-recognition hints for the rest of the call: <c>{"add_dynamic_hints": [...]}</c>.</summary>
    public FunctionResult AddDynamicHints(params string[] hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        return AddDynamicHints(hints.Select(DynamicHint.Word));
    }

    /// <summary>Adds plain and rewrite hints in one action: <c>{"add_dynamic_hints": ["Acme", {"pattern", "replace", "ignore_case"?}]}</c>.</summary>
    public FunctionResult AddDynamicHints(IEnumerable<DynamicHint> hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var list = new JsonArray();
        foreach (var hint in hints)
        {
            ArgumentNullException.ThrowIfNull(hint, nameof(hints));
            list.Add(hint.ToJson());
        }

        return list.Count == 0 ? throw new ArgumentException("Give at least one hint.", nameof(hints)) : AddAction("add_dynamic_hints", list);
    }

    /// <summary>Adds a pattern hint: <c>{"pattern", "replace", "ignore_case"?}</c>.</summary>
    public FunctionResult AddDynamicPatternHint(string pattern, string replace, bool ignoreCase = false) =>
        AddDynamicHints([DynamicHint.Rewrite(pattern, replace, ignoreCase)]);

    /// <summary>Clears the dynamic hints: <c>{"clear_dynamic_hints": {}}</c>.</summary>
    public FunctionResult ClearDynamicHints() => AddAction("clear_dynamic_hints", new JsonObject());

    /// <summary>Sets the end-of-speech timeout in milliseconds: <c>{"end_of_speech_timeout": ms}</c>.</summary>
    public FunctionResult SetEndOfSpeechTimeout(int milliseconds) => AddAction("end_of_speech_timeout", Positive(milliseconds));

    /// <summary>Sets the speech-event timeout in milliseconds: <c>{"speech_event_timeout": ms}</c>.</summary>
    public FunctionResult SetSpeechEventTimeout(int milliseconds) => AddAction("speech_event_timeout", Positive(milliseconds));

    /// <summary>Lets functions run when the speaker times out: <c>{"functions_on_speaker_timeout": enabled}</c>.</summary>
    public FunctionResult EnableFunctionsOnTimeout(bool enabled = true) => AddAction("functions_on_speaker_timeout", enabled);

    /// <summary>Sends extensive data to the AI: <c>{"extensive_data": enabled}</c>.</summary>
    public FunctionResult EnableExtensiveData(bool enabled = true) => AddAction("extensive_data", enabled);

    /// <summary>Replaces this call in the conversation history with <paramref name="text"/>: <c>{"replace_in_history": text}</c>.</summary>
    public FunctionResult ReplaceInHistory(string text) => AddAction("replace_in_history", Required(text));

    /// <summary>Removes this call from the history (<c>{"replace_in_history": true}</c>) or keeps it (<c>false</c>).</summary>
    public FunctionResult ReplaceInHistory(bool replace = true) => AddAction("replace_in_history", replace);

    /// <summary>Changes AI settings such as <c>temperature</c> or <c>max-tokens</c>: <c>{"settings": settings}</c>.</summary>
    public FunctionResult UpdateSettings(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return AddAction("settings", settings.DeepClone());
    }

    /// <summary>
    /// Switches the AI's context: only a system prompt → <c>{"context_switch": "text"}</c>; otherwise an object
    /// with <c>system_prompt</c>, <c>user_prompt</c>, <c>consolidate</c> and <c>full_reset</c> as given.
    /// </summary>
    public FunctionResult SwitchContext(string? systemPrompt = null, string? userPrompt = null, bool consolidate = false, bool fullReset = false)
    {
        if (systemPrompt is not null && userPrompt is null && !consolidate && !fullReset)
        {
            return AddAction("context_switch", systemPrompt);
        }

        var change = new JsonObject();
        if (systemPrompt is not null)
        {
            change["system_prompt"] = systemPrompt;
        }

        if (userPrompt is not null)
        {
            change["user_prompt"] = userPrompt;
        }

        if (consolidate)
        {
            change["consolidate"] = true;
        }

        if (fullReset)
        {
            change["full_reset"] = true;
        }

        return AddAction("context_switch", change);
    }

    /// <summary>Injects <paramref name="text"/> as if the caller had said it: <c>{"user_input": text}</c>.</summary>
    public FunctionResult SimulateUserInput(string text) => AddAction("user_input", Required(text));

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }

    private static int Positive(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}
