using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Destinations;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;

namespace SecureAgentExample;

/// <summary>
/// A banking assistant with an ordinary tool (<c>get_balance</c>), a secure tool (<c>transfer_funds</c>, whose
/// calls must carry a token bound to the call and the function, and which runs only once the caller is
/// verified), and a hand-off to a human banker whose number passes the destination policy (US and Canada only).
/// </summary>
public sealed class SecureAgent : AgentBase
{
    /// <summary>Largest transfer the agent may make without additional verification.</summary>
    public const decimal TransferLimit = 10_000m;

    /// <summary>
    /// The demo verifier's PIN. DEMO ONLY: one PIN for every caller, from the environment. A real bank looks the
    /// caller's own PIN up (by caller number or account) in its customer store, or sends a one-time code by SMS.
    /// </summary>
    public const string DemoPinVariable = "EXAMPLE_VERIFICATION_PIN";

    /// <summary>Where <c>speak_to_banker</c> connects, per department (fictional 555-01xx numbers).</summary>
    private static readonly Dictionary<string, string> Bankers = new(StringComparer.Ordinal)
    {
        ["loans"] = "+14155550140",
        ["cards"] = "+14155550141",
    };

    private static readonly JsonObject SpeakToBankerSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["department"] = new JsonObject { ["type"] = "string", ["description"] = "Which team", ["enum"] = new JsonArray("loans", "cards") },
        },
        ["required"] = new JsonArray("department"),
    };

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

    /// <summary>Creates the agent; <paramref name="demoPin"/> defaults to <see cref="DemoPinVariable"/> (no PIN: nobody can verify).</summary>
    public SecureAgent(AgentOptions? options = null, string? demoPin = null)
        : base(WithPolicy(options ?? new AgentOptions { Name = "secure-agent" }))
    {
        demoPin ??= Environment.GetEnvironmentVariable(DemoPinVariable);
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
        // The caller says their PIN to the AI, which calls verify_caller; three wrong PINs lock the call, five lock the number.
        UseCallerVerification(CallerVerifier.Secret((_, _) => ValueTask.FromResult(demoPin is { Length: > 0 } ? demoPin : null)));
        DefineTool("transfer_funds", "Transfer funds between accounts", ExampleJson.Default.TransferArgs, TransferFunds, new ToolOptions
        {
            Secure = true,
            Sensitive = true,
            RequiresVerifiedCaller = true,
            RequiresConfirmation = true,
            ConfirmationSummary = args => $"transfer ${args["amount"]} to the account ending in {LastFour(args["to_account"]?.GetValue<string>())}",
            RateLimit = ToolRateLimit.PerMinute(3),
        });
        DefineTool("speak_to_banker", "Connect the caller to a human banker", SpeakToBankerSchema, SpeakToBanker, new ToolOptions
        {
            RateLimit = ToolRateLimit.PerMinute(3),
        });
    }

    /// <summary>The bank dials only the US and Canada; every other value comes from configuration as usual.</summary>
    private static AgentOptions WithPolicy(AgentOptions options)
    {
        options.Destinations ??= new DestinationPolicy { AllowedCountries = ["US", "CA"] };
        return options;
    }

    private static ValueTask<FunctionResult> SpeakToBanker(JsonObject args, ToolCallContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FunctionResult("Connecting you to a banker now.")
            .Connect(Bankers[args["department"]!.GetValue<string>()], final: true));

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
