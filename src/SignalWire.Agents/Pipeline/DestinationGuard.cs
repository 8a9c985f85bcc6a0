using SignalWire.Agents.Auditing;
using SignalWire.Agents.Destinations;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.Pipeline;

/// <summary>
/// Applies the destination policy to a tool's result before it leaves: every action that dials, transfers or
/// texts is checked (each destination, then the per-call caps); an action that fails is removed whole, audited
/// and counted, and the AI is told in the response what was not done and why.
/// </summary>
internal sealed class DestinationGuard(string agent, DestinationRules rules, IRateLimitStore limits, AgentAudit audit, AgentMetrics metrics)
{
    /// <summary>The caps count per call over this window (longer than any call).</summary>
    private static readonly TimeSpan CapWindow = TimeSpan.FromHours(4);

    public DestinationRules Rules => rules;

    public async ValueTask ApplyAsync(FunctionResult result, string function, string? callId, CancellationToken cancellationToken)
    {
        if (result.Actions.Count == 0)
        {
            return;
        }

        List<string>? notices = null;
        for (var i = 0; i < result.Actions.Count; i++)
        {
            var dialOuts = ActionDestinations.Find(result.Actions[i]);
            if (dialOuts.Count == 0)
            {
                continue;
            }

            if (await RefusalAsync(dialOuts, callId, cancellationToken).ConfigureAwait(false) is not { } refusal)
            {
                continue;
            }

            result.RemoveActionAt(i--);
            audit.DestinationBlocked(function, callId, refusal.Verb, refusal.Destination, refusal.Reason);
            metrics.DestinationBlocked(agent, refusal.Reason);
            (notices ??= []).Add(Describe(refusal));
        }

        if (notices is not null)
        {
            result.AppendNotice("Not done: " + string.Join("; ", notices) + ". Tell the caller it cannot be done and offer other help.");
        }
    }

    private async ValueTask<(string Verb, string Destination, string Reason)?> RefusalAsync(IReadOnlyList<DialOut> dialOuts, string? callId, CancellationToken cancellationToken)
    {
        var transfers = 0;
        var messages = 0;
        foreach (var dialOut in dialOuts)
        {
            transfers += dialOut.Kind == DialOutKind.Transfer ? 1 : 0;
            messages += dialOut.Kind == DialOutKind.Message ? 1 : 0;
            foreach (var target in dialOut.Targets)
            {
                var verdict = Verdict(dialOut.Kind, target);
                if (!verdict.Allowed)
                {
                    return (dialOut.Verb, target.Value, verdict.Reason!);
                }
            }
        }

        var key = callId ?? "(no call)";
        if (transfers > 0 && !await TakeAsync("transfers", rules.MaxTransfersPerCall, key, transfers, cancellationToken).ConfigureAwait(false))
        {
            var first = dialOuts.First(d => d.Kind == DialOutKind.Transfer);
            return (first.Verb, first.FirstValue, "transfer_cap");
        }

        if (messages > 0 && !await TakeAsync("messages", rules.MaxMessagesPerCall, key, messages, cancellationToken).ConfigureAwait(false))
        {
            var first = dialOuts.First(d => d.Kind == DialOutKind.Message);
            return (first.Verb, first.FirstValue, "message_cap");
        }

        return null;
    }

    /// <summary>The rule for one target: what could not be read is refused while any rule is active, data sinks have their own host list.</summary>
    private DestinationVerdict Verdict(DialOutKind kind, DialTarget target) =>
        target.Refusal is { } refusal
            ? refusal == "unreadable_swml" && !rules.IsActive ? DestinationVerdict.Pass : DestinationVerdict.Refuse(refusal)
            : kind == DialOutKind.DataSink ? rules.CheckDataSink(target.Value) : rules.Check(target.Value);

    private async ValueTask<bool> TakeAsync(string what, int cap, string callId, int count, CancellationToken cancellationToken)
    {
        if (cap == 0 || count > cap)
        {
            return false;
        }

        using var lease = await limits.CreateFixedWindow($"{agent}:{what}-per-call", cap, CapWindow).AcquireAsync(callId, count, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    private static string Describe((string Verb, string Destination, string Reason) refusal) => refusal.Reason switch
    {
        "transfer_cap" => "the transfer, because this call has reached its limit of transfers",
        "message_cap" => "the text message, because this call has reached its limit of messages",
        _ => $"the {Action(refusal.Verb)} to {refusal.Destination}, because that destination is not allowed ({refusal.Reason.Replace('_', ' ')})",
    };

    private static string Action(string verb) => verb switch
    {
        "send_sms" => "text message",
        "tap" => "call audio stream",
        "pay" => "payment",
        _ => "transfer",
    };
}
