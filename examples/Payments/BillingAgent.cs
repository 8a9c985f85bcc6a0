using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace PaymentsExample;

/// <summary>
/// A billing line that takes card payments over the call with the <c>pay</c> verb. <c>pay_invoice</c> is secure (its
/// token is bound to the call) and needs the caller's confirmation; the amount comes from the invoice, never from the
/// conversation, and the card digits go from the caller's keypad to the payment connector without reaching the AI.
/// </summary>
public sealed class BillingAgent : AgentBase
{
    /// <summary>The environment variable naming the payment connector (your PCI-compliant gateway endpoint).</summary>
    public const string ConnectorVariable = "PAYMENT_CONNECTOR_URL";

    private static readonly JsonObject InvoiceSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["invoice"] = new JsonObject { ["type"] = "string", ["description"] = "The invoice number, like INV-1001", ["pattern"] = "^INV-[0-9]{4}$" },
        },
        ["required"] = new JsonArray("invoice"),
    };

    private static readonly Dictionary<string, decimal> Invoices = new(StringComparer.Ordinal)
    {
        ["INV-1001"] = 49.00m,
        ["INV-1002"] = 125.50m,
    };

    private readonly string _connector;

    /// <summary>Creates the agent; <paramref name="connectorUrl"/> defaults to <see cref="ConnectorVariable"/>.</summary>
    public BillingAgent(AgentOptions? options = null, string? connectorUrl = null)
        : base(options ?? new AgentOptions { Name = "billing" })
    {
        _connector = connectorUrl ?? Environment.GetEnvironmentVariable(ConnectorVariable) ?? "https://payments.example.com/signalwire";
        PromptAddSection("Role", "You take payments for Example Utilities invoices.");
        PromptAddSection("Rules", bullets: ["Read the invoice number and amount back before taking a payment.", "Never ask for card details aloud: the keypad collects them."]);
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("pay_invoice", "Take a card payment for an invoice", InvoiceSchema, PayInvoice, new ToolOptions
        {
            Secure = true,
            RequiresConfirmation = true,
            RateLimit = ToolRateLimit.PerMinute(3),
        });
    }

    private ValueTask<FunctionResult> PayInvoice(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var invoice = args["invoice"]!.GetValue<string>();
        if (!Invoices.TryGetValue(invoice, out var amount))
        {
            return ValueTask.FromResult(new FunctionResult($"There is no invoice {invoice}."));
        }

        return ValueTask.FromResult(new FunctionResult($"Taking the payment of ${amount:0.00} for {invoice}.")
            .Pay(_connector, new PaymentOptions
            {
                ChargeAmount = amount.ToString("0.00", CultureInfo.InvariantCulture),
                Currency = "usd",
                MaxAttempts = 2,
            }));
    }
}
