using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace SecureAgentExample;

/// <summary>
/// A banking assistant with one ordinary tool (<c>get_balance</c>) and one secure tool
/// (<c>transfer_funds</c>), whose calls must carry a token bound to the call and the function.
/// </summary>
public sealed class SecureAgent : AgentBase
{
    /// <summary>Largest transfer the agent may make without additional verification.</summary>
    public const decimal TransferLimit = 10_000m;

    private static readonly JsonObject GetBalanceSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["account_type"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Which account to read",
                ["enum"] = new JsonArray("checking", "savings"),
            },
        },
        ["required"] = new JsonArray("account_type"),
    };

    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal)
    {
        ["checking"] = 2_450.17m,
        ["savings"] = 12_900.00m,
    };

    public SecureAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "secure-agent" })
    {
        PromptAddSection("Role", "You are a banking assistant for Example Bank.");
        PromptAddSection("Rules", bullets:
        [
            "Never read out full account numbers; use the last four digits.",
            "Confirm the amount and the destination account before any transfer.",
        ]);
        SetPostPrompt("Summarize the call as JSON with the keys topic and resolved.");
        AddLanguage("English", "en-US", "rime.spore");
        AddSecurityBoundaries("Only discuss the caller's own accounts.");
        DefineTool("get_balance", "Get account balance", GetBalanceSchema, GetBalance, new ToolOptions
        {
            RateLimit = ToolRateLimit.PerMinute(10),
        });
        DefineTool("transfer_funds", "Transfer funds between accounts", ExampleJson.Default.TransferArgs, TransferFunds, new ToolOptions
        {
            Secure = true,
            Sensitive = true,
            RequiresConfirmation = true,
            ConfirmationSummary = args => $"transfer ${args["amount"]} to the account ending in {LastFour(args["to_account"]?.GetValue<string>())}",
            RateLimit = ToolRateLimit.PerMinute(3),
        });
    }

    private ValueTask<FunctionResult> GetBalance(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var account = args["account_type"]?.GetValue<string>() ?? "checking";
        return ValueTask.FromResult(_balances.TryGetValue(account, out var balance)
            ? new FunctionResult($"The {account} balance is ${balance.ToString("N2", CultureInfo.InvariantCulture)}.")
            : new FunctionResult("Only checking and savings balances are available."));
    }

    // Amount > 0 and a 10-character account are enforced by the SDK from TransferArgs before this runs.
    private ValueTask<FunctionResult> TransferFunds(TransferArgs args, ToolCallContext context, CancellationToken cancellationToken)
    {
        if (args.Amount > TransferLimit)
        {
            return ValueTask.FromResult(new FunctionResult("Transfers over $10,000 require additional verification"));
        }

        var amount = args.Amount.ToString("N2", CultureInfo.InvariantCulture);
        return ValueTask.FromResult(new FunctionResult($"Transferred ${amount} to the account ending in {LastFour(args.ToAccount)}.")
            .UpdateGlobalData(new JsonObject { ["last_transfer_amount"] = args.Amount.ToString(CultureInfo.InvariantCulture) }));
    }

    private static string LastFour(string? account) => account is { Length: >= 4 } ? account[^4..] : "(unknown)";
}
