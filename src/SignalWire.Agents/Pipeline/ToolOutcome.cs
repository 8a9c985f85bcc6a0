
namespace SignalWire.Agents.Pipeline;

/// <summary>
/// The result of <see cref="AgentPipeline.InvokeToolAsync"/>: either a <see cref="Result"/> for the AI
/// (HTTP 200) or a refusal for the client (<see cref="StatusCode"/> and <see cref="Error"/>).
/// </summary>
/// <param name="Kind">How the call ended.</param>
/// <param name="StatusCode">The HTTP status a web host answers with.</param>
/// <param name="Result">The result for the AI, when the call got that far.</param>
/// <param name="Error">The refusal's message, when it did not.</param>
public readonly record struct ToolOutcome(ToolOutcomeKind Kind, int StatusCode, FunctionResult? Result, string? Error)
{
    internal static ToolOutcome Refused(ToolOutcomeKind kind, int status, string error) => new(kind, status, null, error);

    internal static ToolOutcome Answered(ToolOutcomeKind kind, FunctionResult result) => new(kind, 200, result, null);

    /// <summary>The audit and metric name of the outcome (<c>success</c>, <c>rate_limited</c>, ...).</summary>
    public string Name => Kind switch
    {
        ToolOutcomeKind.Success => "success",
        ToolOutcomeKind.HandlerFailed => "error",
        ToolOutcomeKind.EmergencyBlocked => "emergency_block",
        ToolOutcomeKind.RateLimited => "rate_limited",
        ToolOutcomeKind.ValidationFailed => "validation_failed",
        ToolOutcomeKind.ConfirmationRequired => "confirmation_required",
        ToolOutcomeKind.VerificationRequired => "verification_required",
        ToolOutcomeKind.VerificationFailed => "verification_failed",
        _ => "refused",
    };
}
