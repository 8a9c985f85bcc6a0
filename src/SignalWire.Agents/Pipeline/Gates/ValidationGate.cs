using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Pipeline;

/// <summary>The arguments against the tool's JSON Schema; the AI is told the field and the rule that failed.</summary>
internal sealed class ValidationGate(GateServices services) : ToolGate("signalwire.gate.validation")
{
    public override ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var problems = call.Tool.Validator.Validate(call.Request.Arguments);
        if (problems.Count == 0)
        {
            return ValueTask.FromResult(GateVerdict.Pass);
        }

        services.Audit.ValidationFailed(call.Tool.Name, call.CallId, problems);
        services.Metrics.ValidationFailure(services.Name, call.Tool.Name);
        return ValueTask.FromResult(GateVerdict.Stop("invalid",
            ToolOutcome.Answered(ToolOutcomeKind.ValidationFailed, TypedToolArguments.InvalidArguments(call.Tool.Name, string.Join("; ", problems)))));
    }
}
