using SignalWire.Agents.Destinations;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;
using static SignalWire.Agents.Cli.Audit.AuditFinding;
using Env = SignalWire.Agents.EnvironmentVariables;

namespace SignalWire.Agents.Cli.Audit;

/// <summary>Toll fraud and caller ID: where tools can send calls and messages, how many calls a caller may place, and who must be verified.</summary>
internal static class TollFraudAudit
{
    public static IEnumerable<AuditFinding> Evaluate(AgentBase agent)
    {
        var settings = agent.Settings;
        var tools = agent.Tools.All;
        yield return Destinations(settings.Destinations, tools);
        foreach (var finding in DataMapDialOuts(tools))
        {
            yield return finding;
        }

        yield return settings.CallsPerCaller > 0
            ? Pass("call-limit", $"A caller number may place {settings.CallsPerCaller} new calls per {settings.CallsPerCallerWindow.TotalMinutes:0} min.")
            : Warn("call-limit", "Nothing limits how many calls one number places: a dialer can run up charges and tie up the agent.",
                $"Leave {Env.CallsPerCaller} unset (30 per hour) or set it to a number above your busiest genuine caller.");
        yield return Verification(agent, tools);
    }

    /// <summary>Whether handlers can dial out (any webhook tool can return a connect or an SMS), and what limits them.</summary>
    private static AuditFinding Destinations(DestinationRules rules, IReadOnlyList<ToolDefinition> tools)
    {
        var handlers = tools.Where(t => t.DataMap is null && t.ExternalUrl is null && t.Name is not (AgentBase.CallEndFunction or CallerVerification.ToolName)).ToList();
        if (handlers.Count == 0)
        {
            return Pass("destinations", "No tool handler runs here, so no result can dial out.");
        }

        if (!rules.BlockHighCostNumbers)
        {
            return Warn("destinations", "The block on premium-rate, shared-cost and global-service numbers is off: a manipulated conversation can dial them.",
                $"Remove {Env.BlockHighCostNumbers}=false (and DestinationPolicy.BlockHighCostNumbers = false).");
        }

        var caps = $"{rules.MaxTransfersPerCall} transfers and {rules.MaxMessagesPerCall} messages per call";
        return rules.HasNumberAllowList
            ? Pass("destinations", $"Tool results may dial or text {Describe(rules)} only; high-cost numbers are refused; {caps}.")
            : Warn("destinations",
                $"{handlers.Count} tool handler(s) can return connect, transfer, SMS or SIP refer actions, and any country may be dialled (premium-rate numbers are still refused; {caps}).",
                $"Set {Env.AllowedCountries} (e.g. US,CA) or {Env.AllowedNumberPrefixes}, or AgentOptions.Destinations, to the places your agent really calls.");
    }

    /// <summary>DataMap tools run on the platform, so their dial-outs never pass the policy.</summary>
    private static IEnumerable<AuditFinding> DataMapDialOuts(IReadOnlyList<ToolDefinition> tools)
    {
        foreach (var tool in tools)
        {
            if (tool.DataMap is { } map && DestinationRules.DialingVerbs(map) is { Count: > 0 } verbs)
            {
                yield return Warn("datamap-dial-out",
                    $"DataMap tool '{tool.Name}' can {string.Join(", ", verbs.Distinct())}; it runs on the SignalWire platform, so the destination policy never sees its destinations.",
                    "Move the dial-out into a webhook tool (DefineTool) so the SDK checks the destination, or make the destination fixed, never an argument.");
            }
        }
    }

    private static AuditFinding Verification(AgentBase agent, IReadOnlyList<ToolDefinition> tools)
    {
        var verification = agent.CallerVerification;
        var exposed = tools
            .Where(t => t.Options.Sensitive && !agent.RequiresVerifiedCaller(t))
            .Select(t => t.Name)
            .ToList();
        if (exposed.Count > 0)
        {
            return Warn("caller-verification",
                $"Sensitive tool(s) {string.Join(", ", exposed)} run for anyone who calls from the right number, and caller ID can be spoofed.",
                "Call UseCallerVerification(...) and set ToolOptions.RequiresVerifiedCaller = true on them.");
        }

        return verification is null
            ? Pass("caller-verification", "No sensitive tools, so no tool needs a verified caller.")
            : Pass("caller-verification", $"Callers verify by {verification.Verifier.Method.Replace('_', ' ')} before protected tools run.");
    }

    private static string Describe(DestinationRules rules) =>
        string.Join(", ", rules.AllowedCountries.Concat(rules.AllowedNumberPrefixes));
}
