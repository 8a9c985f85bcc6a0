using SignalWire.Agents;

namespace SignalWireFunctionApp;

/// <summary>A front desk that tells callers the opening hours; add your prompt and tools here.</summary>
public sealed class FrontDeskAgent : AgentBase
{
    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>front-desk</c>.</summary>
    public FrontDeskAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "front-desk" })
    {
        PromptAddSection("Role", "You greet callers to Example Corp and answer questions about opening hours.");
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("opening_hours", "Tell the caller the opening hours", null,
            (_, _, _) => ValueTask.FromResult(new FunctionResult("We are open 9 to 5, Monday to Friday.")));
    }
}
