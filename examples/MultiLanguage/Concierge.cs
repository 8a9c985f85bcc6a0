using SignalWire.Agents;

namespace MultiLanguageExample;

/// <summary>
/// A hotel concierge that speaks English, Spanish and French, each with its own voice and fillers, switches when the
/// caller does, and pronounces the hotel's name the same way in all three.
/// </summary>
public sealed class Concierge : AgentBase
{
    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>concierge</c>.</summary>
    public Concierge(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "concierge" })
    {
        PromptAddSection("Role", "You are the concierge of Hotel Lumière. Answer in the language the caller speaks.");
        AddLanguage("English", "en-US", "rime.spore", speechFillers: ["Let me see...", "One moment..."], functionFillers: ["Checking that for you."]);
        AddLanguage("Spanish", "es-ES", "rime.lupe", speechFillers: ["A ver...", "Un momento..."], functionFillers: ["Lo compruebo enseguida."]);
        AddLanguage("French", "fr-FR", "rime.juliette", speechFillers: ["Voyons...", "Un instant..."], functionFillers: ["Je vérifie tout de suite."]);
        AddHints("Lumière", "concierge", "check-out");
        AddPronunciation("Lumière", "loo-mee-air", ignoreCase: true);
        DefineTool("breakfast_hours", "When breakfast is served", null, (_, _, _) =>
            ValueTask.FromResult(new FunctionResult("Breakfast is served from 7 to 10:30 in the garden room.")));
    }
}
