using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Destinations;

namespace MultiAgentExample;

/// <summary>
/// Answers the main number (route <c>/</c>) and hands callers to a department by SIP: the call comes back to this
/// same server addressed to <c>sip:sales@…</c> or <c>sip:support@…</c>, and SIP routing gives it to that agent.
/// </summary>
public sealed class Receptionist : AgentBase
{
    /// <summary>The SIP domain departments are dialled at (the SignalWire space's SIP domain).</summary>
    public const string SipDomainVariable = "SIGNALWIRE_SIP_DOMAIN";

    private static readonly JsonObject TransferSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["department"] = new JsonObject { ["type"] = "string", ["description"] = "Where the caller wants to go", ["enum"] = new JsonArray("sales", "support") },
        },
        ["required"] = new JsonArray("department"),
    };

    private readonly string _sipDomain;

    /// <summary>Creates the receptionist; <paramref name="sipDomain"/> defaults to <see cref="SipDomainVariable"/>, else <c>example.sip.signalwire.com</c>.</summary>
    public Receptionist(AgentOptions? options = null, string? sipDomain = null)
        : base(WithPolicy(options ?? new AgentOptions { Name = "receptionist", Route = "/" }, sipDomain ?? Environment.GetEnvironmentVariable(SipDomainVariable) ?? "example.sip.signalwire.com"))
    {
        _sipDomain = Options.Destinations!.AllowedSipDomains![0];
        PromptAddSection("Role", "You are the receptionist of Example Corp. Greet the caller and find out whether they need sales or support.");
        PromptAddSection("Rules", bullets: ["Transfer as soon as you know the department.", "Never promise prices or fixes yourself."]);
        AddLanguage("English", "en-US", "rime.spore");
        AddSecurityBoundaries("Only route calls; do not discuss accounts.");
        DefineTool("transfer_to_department", "Transfer the caller to sales or support", TransferSchema, TransferToDepartment, new SignalWire.Agents.Tools.ToolOptions
        {
            RateLimit = SignalWire.Agents.Tools.ToolRateLimit.PerMinute(5),
        });
    }

    /// <summary>Transfers may only reach this space's SIP domain (and US numbers): no other domain, no premium or foreign number.</summary>
    private static AgentOptions WithPolicy(AgentOptions options, string sipDomain)
    {
        options.Destinations ??= new DestinationPolicy { AllowedSipDomains = [sipDomain], AllowedCountries = ["US"] };
        return options;
    }

    private ValueTask<FunctionResult> TransferToDepartment(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var department = args["department"]!.GetValue<string>();
        return ValueTask.FromResult(new FunctionResult($"Transferring you to {department} now.")
            .Connect($"sip:{department}@{_sipDomain}", final: true));
    }
}
