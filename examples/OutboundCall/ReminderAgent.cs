using System.Text.Json.Nodes;
using SignalWire.Agents;

namespace OutboundCallExample;

/// <summary>An agent that calls a patient to confirm tomorrow's appointment and reports what was agreed.</summary>
public static class ReminderAgent
{
    /// <summary>The agent; <paramref name="summaries"/> receives each call's post-prompt summary.</summary>
    public static AgentBase Create(Func<PostPromptSummary, ValueTask> summaries, AgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return new AgentBase(options ?? new AgentOptions { Name = "appointment-reminder", Route = "/reminder" })
            .PromptAddSection("Role", "You are calling on behalf of Riverside Dental to confirm an appointment tomorrow at 10:30 AM.")
            .PromptAddSection("Task", bullets: [
                "Greet the person and say who you are calling for.",
                "Ask whether they can make the appointment; if not, ask which weekday suits them.",
                "Thank them and end the call.",
            ])
            .SetPostPrompt("""Summarise the call as JSON: {"confirmed": true|false, "preferred_day": "..." or null}.""")
            .OnSummary((summary, _) => summaries(summary));
    }

    /// <summary>Whether the summary says the appointment was confirmed.</summary>
    public static bool? Confirmed(PostPromptSummary summary) =>
        summary?.Summary is JsonObject parsed && parsed["confirmed"] is JsonValue value && value.TryGetValue<bool>(out var confirmed) ? confirmed : null;
}
