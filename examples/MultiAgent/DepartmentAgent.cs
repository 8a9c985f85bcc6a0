using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace MultiAgentExample;

/// <summary>A department desk (sales or support) with one tool of its own.</summary>
public sealed class DepartmentAgent : AgentBase
{
    private DepartmentAgent(AgentOptions options, string role)
        : base(options)
    {
        PromptAddSection("Role", role);
        AddLanguage("English", "en-US", "rime.spore");
        AddSecurityBoundaries("Only discuss Example Corp's products.");
    }

    /// <summary>The sales desk at <c>/sales</c>: quotes list prices.</summary>
    public static DepartmentAgent Sales(AgentOptions? options = null)
    {
        var agent = new DepartmentAgent(options ?? new AgentOptions { Name = "sales", Route = "/sales" }, "You are Example Corp's sales desk. Help the caller choose a plan.");
        agent.DefineTool("get_price", "Get the list price of a plan", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["plan"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("basic", "pro") } },
            ["required"] = new JsonArray("plan"),
        }, (args, _, _) => ValueTask.FromResult(new FunctionResult(args["plan"]!.GetValue<string>() == "pro" ? "Pro is $49 a month." : "Basic is $9 a month.")),
        new ToolOptions { RateLimit = ToolRateLimit.PerMinute(10) });
        return agent;
    }

    /// <summary>The support desk at <c>/support</c>: opens tickets.</summary>
    public static DepartmentAgent Support(AgentOptions? options = null)
    {
        var agent = new DepartmentAgent(options ?? new AgentOptions { Name = "support", Route = "/support" }, "You are Example Corp's support desk. Collect the problem and open a ticket.");
        agent.DefineTool("open_ticket", "Open a support ticket", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["summary"] = new JsonObject { ["type"] = "string", ["minLength"] = 5, ["maxLength"] = 200 } },
            ["required"] = new JsonArray("summary"),
        }, (_, context, _) => ValueTask.FromResult(new FunctionResult($"Ticket opened for call {context.CallId}. An engineer will call back.")),
        new ToolOptions { RateLimit = ToolRateLimit.PerMinute(3) });
        return agent;
    }
}
