using System.ComponentModel;
using System.Text.Json.Serialization;
using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace SignalWireAgent;

/// <summary>Arguments of <c>check_order</c>; the JSON Schema the AI sees is generated from this record.</summary>
public sealed record OrderArgs([property: Description("The order number, like A-1001")] string OrderNumber);

/// <summary>Arguments of <c>cancel_order</c>.</summary>
public sealed record CancelArgs([property: Description("The order number to cancel")] string OrderNumber);

/// <summary>Source-generated JSON metadata for the tools' arguments (fast, trimming- and NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(OrderArgs))]
[JsonSerializable(typeof(CancelArgs))]
internal sealed partial class AgentJson : JsonSerializerContext;

/// <summary>
/// A customer-support agent: <c>check_order</c> is an ordinary tool; <c>cancel_order</c> is secure (each call needs the
/// per-call token in the SWML document) and asks the caller to confirm first.
/// </summary>
public sealed class SupportAgent : AgentBase
{
    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>support</c>.</summary>
    public SupportAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "support" })
    {
        PromptAddSection("Role", "You are the support line of Example Shop. You look up and cancel orders.");
        PromptAddSection("Rules", bullets: ["Read the order number back before acting on it.", "Never cancel an order the caller did not name."]);
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("check_order", "Look up the status of an order", AgentJson.Default.OrderArgs, CheckOrder, new ToolOptions
        {
            RateLimit = ToolRateLimit.PerMinute(20),
        });
        DefineTool("cancel_order", "Cancel an order", AgentJson.Default.CancelArgs, CancelOrder, new ToolOptions
        {
            Secure = true,
            RequiresConfirmation = true,
        });
    }

    private static ValueTask<FunctionResult> CheckOrder(OrderArgs args, ToolCallContext call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FunctionResult($"Order {args.OrderNumber} shipped yesterday and arrives on Friday."));

    private static ValueTask<FunctionResult> CancelOrder(CancelArgs args, ToolCallContext call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FunctionResult($"Order {args.OrderNumber} is cancelled."));
}
