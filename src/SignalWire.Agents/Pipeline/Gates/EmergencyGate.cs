namespace SignalWire.Agents.Pipeline;

/// <summary>The emergency switch: while it is on, secure and sensitive tools answer that the service is unavailable; every other tool keeps working.</summary>
internal sealed class EmergencyGate(GateServices services) : ToolGate("signalwire.gate.emergency")
{
    /// <summary>Message the AI gets for secure and sensitive tools in emergency mode.</summary>
    public const string Response = "This service is temporarily unavailable.";

    // The switch is the shared agent's (flipped at run time), never a per-request copy's.
    public override bool AppliesTo(ToolCall call) => (call.Tool.Secure || call.Tool.Options.Sensitive) && services.Agent.EmergencyMode;

    public override ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        services.Audit.EmergencyBlock(call.Tool.Name, call.CallId);
        services.Metrics.EmergencyBlock(services.Name, call.Tool.Name);
        return ValueTask.FromResult(GateVerdict.Stop("blocked", ToolOutcome.Answered(ToolOutcomeKind.EmergencyBlocked, new FunctionResult(Response))));
    }
}
