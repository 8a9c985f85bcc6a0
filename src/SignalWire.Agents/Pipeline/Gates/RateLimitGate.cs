using SignalWire.Agents.Verification;

namespace SignalWire.Agents.Pipeline;

/// <summary>A tool's per-caller limit: the caller's normalised number, else the call id, else the client address.</summary>
internal sealed class RateLimitGate(GateServices services) : ToolGate("signalwire.gate.rate_limit")
{
    /// <summary>Message the AI gets when a caller exceeds a tool's limit.</summary>
    public const string Response = "You've made too many requests. Please wait a moment.";

    public override bool AppliesTo(ToolCall call) => call.Tool.Options.RateLimit is not null;

    public override async ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (services.Limits.For(call.Tool) is not { } limiter)
        {
            return GateVerdict.Pass;
        }

        var key = CallerNumber.Normalize(call.Request.CallerIdNumber) ?? call.CallId ?? AgentPipeline.ClientKey(call.Client);
        using var lease = await limiter.AcquireAsync(key, 1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return GateVerdict.Pass;
        }

        services.Audit.RateLimited("caller", call.Tool.Name, call.CallId, call.Client);
        services.Metrics.RateLimited(services.Name, "caller");
        return GateVerdict.Stop("limited", ToolOutcome.Answered(ToolOutcomeKind.RateLimited, new FunctionResult(Response)));
    }
}
