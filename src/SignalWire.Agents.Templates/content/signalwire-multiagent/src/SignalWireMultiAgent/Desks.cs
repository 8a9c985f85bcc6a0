using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;

namespace SignalWireMultiAgent;

/// <summary>The server: a front desk at <c>/</c> and a sales desk at <c>/sales</c>; calls to <c>sip:sales@…</c> reach sales.</summary>
public static class Desks
{
    private static readonly JsonObject PlanSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["plan"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("basic", "pro") } },
        ["required"] = new JsonArray("plan"),
    };

    /// <summary>Creates the server with the default listener (PORT, or 3000) and credentials from the environment.</summary>
    [AgentFactory(Name = "desks")]
    public static AgentServer Create() => Create(null);

    /// <summary>Creates the server with <paramref name="hostOptions"/> (listener, shared credentials).</summary>
    public static AgentServer Create(AgentOptions? hostOptions) => new AgentServer(hostOptions)
        .Register(FrontDesk())
        .Register(Sales())
        .EnableSipRouting();

    private static AgentBase FrontDesk()
    {
        var agent = new AgentBase(new AgentOptions { Name = "front-desk", Route = "/" });
        agent.PromptAddSection("Role", "You greet callers to Example Corp and say which desk can help.");
        agent.AddLanguage("English", "en-US", "rime.spore");
        agent.DefineTool("opening_hours", "Tell the caller the opening hours", null,
            (_, _, _) => ValueTask.FromResult(new FunctionResult("We are open 9 to 5, Monday to Friday.")));
        return agent;
    }

    private static AgentBase Sales()
    {
        var agent = new AgentBase(new AgentOptions { Name = "sales", Route = "/sales" });
        agent.PromptAddSection("Role", "You are Example Corp's sales desk. Help the caller choose a plan.");
        agent.AddLanguage("English", "en-US", "rime.spore");
        agent.DefineTool("get_price", "Get the monthly price of a plan", PlanSchema,
            (args, _, _) => ValueTask.FromResult(new FunctionResult(args["plan"]!.GetValue<string>() == "pro" ? "Pro is $49 a month." : "Basic is $9 a month.")));
        return agent;
    }
}
