namespace SignalWire.Agents.Pipeline;

/// <summary>
/// The built-in <c>verify_caller</c> tool: it has no handler of its own, so this gate always answers (a code checked, a
/// code sent, a lockout) and nothing after it runs. Untraced: its audit events and metrics say what happened.
/// </summary>
internal sealed class VerifyCallerGate(GateServices services) : ToolGate(span: null)
{
    public override bool AppliesTo(ToolCall call) => call.Verification is not null;

    public override async ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var (kind, answer) = await services.Verification.VerifyAsync(call.Verification!, call.Request, SmsDestinationProblem, cancellationToken).ConfigureAwait(false);
        return GateVerdict.Stop("answered", ToolOutcome.Answered(kind, answer));
    }

    /// <summary>Why a one-time code may not be texted to <paramref name="number"/> (the destination policy), or <see langword="null"/>.</summary>
    private string? SmsDestinationProblem(string number) => services.Destinations.Rules.CheckNumber(number).Reason;
}
