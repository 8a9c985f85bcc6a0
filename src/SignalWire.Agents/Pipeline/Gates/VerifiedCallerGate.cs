namespace SignalWire.Agents.Pipeline;

/// <summary>
/// A tool that needs a verified caller runs only on a call <c>verify_caller</c> has verified; a call that is not, or
/// whose state cannot be read, is answered "verify first" or "unavailable" (fail closed).
/// </summary>
internal sealed class VerifiedCallerGate(GateServices services) : ToolGate("signalwire.gate.verified_caller")
{
    public override bool AppliesTo(ToolCall call) => call.Agent.RequiresVerifiedCaller(call.Tool);

    public override async ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        string reason;
        string response;
        if (call.Agent.CallerVerification is null)
        {
            PipelineLog.VerificationNotConfigured(services.Logger, call.Tool.Name);
            (reason, response) = ("not_configured", CallerVerificationGate.UnavailableResponse);
        }
        else
        {
            switch (await services.Verification.IsVerifiedAsync(call.CallId, cancellationToken).ConfigureAwait(false))
            {
                case true:
                    return GateVerdict.Pass;
                case false:
                    (reason, response) = ("unverified", CallerVerificationGate.VerifyFirstResponse);
                    break;
                default:
                    (reason, response) = ("store_unavailable", CallerVerificationGate.UnavailableResponse);
                    break;
            }
        }

        services.Audit.VerificationRequired(call.Tool.Name, call.CallId, reason);
        services.Metrics.Verification(services.Name, "required");
        return GateVerdict.Stop(reason, ToolOutcome.Answered(ToolOutcomeKind.VerificationRequired, new FunctionResult(response)));
    }
}
