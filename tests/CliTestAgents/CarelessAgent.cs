using System.Text.Json.Nodes;
using SignalWire.Agents;

namespace CliTestAgents;

/// <summary>
/// An agent written without a thought for production: an insecure, unconfirmed account deletion, a free-form
/// SQL parameter, an untyped parameter, no rate limits and no security boundaries. The audit must fail it.
/// </summary>
public sealed class CarelessAgent : AgentBase
{
    public CarelessAgent()
        : base(new AgentOptions { Name = "careless" })
    {
        PromptAddSection("Role", "You help customers with their accounts.");
        DefineTool("delete_account", "Delete the caller's account", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["account_id"] = new JsonObject { ["description"] = "Which account" } },
        }, (args, context, ct) => ValueTask.FromResult(new FunctionResult("Deleted.")));
        DefineTool("run_report", "Run a reporting query", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["sql"] = new JsonObject { ["type"] = "string", ["description"] = "The query" } },
            ["required"] = new JsonArray("sql"),
        }, (args, context, ct) => ValueTask.FromResult(new FunctionResult("3 rows.")));
    }
}
