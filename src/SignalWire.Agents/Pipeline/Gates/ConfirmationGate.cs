using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Pipeline;

/// <summary>A tool declared <c>RequiresConfirmation</c> runs only with <c>confirmed: true</c>; otherwise the AI is asked to confirm.</summary>
internal sealed class ConfirmationGate(GateServices services) : ToolGate("signalwire.gate.confirmation")
{
    public override bool AppliesTo(ToolCall call) => call.Tool.Options.RequiresConfirmation;

    public override ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Request.Arguments;
        if (Confirmation.IsConfirmed(args))
        {
            return ValueTask.FromResult(GateVerdict.Pass);
        }

        services.Audit.ConfirmationRequired(call.Tool.Name, call.CallId);
        return ValueTask.FromResult(GateVerdict.Stop("unconfirmed", ToolOutcome.Answered(ToolOutcomeKind.ConfirmationRequired, new FunctionResult(call.Tool.ConfirmationPrompt(args)))));
    }
}
