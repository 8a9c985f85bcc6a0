using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Destinations;

namespace CallTransferExample;

/// <summary>
/// A front desk that hands calls on: to another SWML application (the billing agent, by URL) or to a person's phone.
/// The destination policy admits only those: US numbers, and the one host the SWML transfers go to.
/// </summary>
public sealed class FrontDesk : AgentBase
{
    /// <summary>Where billing calls go: another agent's SWML URL.</summary>
    public const string BillingUrl = "https://agents.example.com/billing";

    /// <summary>The front-desk manager's number (fictional 555-01xx).</summary>
    public const string ManagerNumber = "+14155550142";

    private static readonly JsonObject TransferSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["destination"] = new JsonObject { ["type"] = "string", ["description"] = "Who to transfer to", ["enum"] = new JsonArray("billing", "manager") },
        },
        ["required"] = new JsonArray("destination"),
    };

    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>front-desk</c>.</summary>
    public FrontDesk(AgentOptions? options = null)
        : base(WithPolicy(options ?? new AgentOptions { Name = "front-desk" }))
    {
        PromptAddSection("Role", "You answer for Example Corp and transfer callers to billing or to the manager.");
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("transfer_call", "Transfer the caller to billing or to the manager", TransferSchema, (args, _, _) =>
            ValueTask.FromResult(args["destination"]!.GetValue<string>() == "billing"
                ? new FunctionResult("Transferring you to billing.").SwmlTransfer(BillingUrl, "The caller is back from billing.", final: true)
                : new FunctionResult("Connecting you to the manager.").Connect(ManagerNumber, final: true)));
    }

    private static AgentOptions WithPolicy(AgentOptions options)
    {
        options.Destinations ??= new DestinationPolicy { AllowedCountries = ["US"], AllowedTransferHosts = ["agents.example.com"] };
        return options;
    }
}
