
namespace SignalWire.Agents.Pipeline;

/// <summary>How a tool call ended, in pipeline order.</summary>
public enum ToolOutcomeKind
{
    /// <summary>No function name (400).</summary>
    MissingFunctionName,

    /// <summary>A function name no tool could have (400).</summary>
    InvalidFunctionName,

    /// <summary>No tool of that name (404).</summary>
    FunctionNotFound,

    /// <summary>A DataMap tool: it runs on the platform, not here (400).</summary>
    RunsOnPlatform,

    /// <summary>A secure tool without a valid token for this function and call (403).</summary>
    TokenRefused,

    /// <summary>Emergency mode blocks secure and sensitive tools; the AI is told (200).</summary>
    EmergencyBlocked,

    /// <summary>The caller exceeded the tool's limit; the AI is told (200).</summary>
    RateLimited,

    /// <summary>The arguments broke the tool's schema; the AI is told which rule (200).</summary>
    ValidationFailed,

    /// <summary>The tool needs <c>confirmed: true</c>; the AI is asked to confirm (200).</summary>
    ConfirmationRequired,

    /// <summary>The handler ran (200).</summary>
    Success,

    /// <summary>The handler threw; the AI gets a generic apology and the exception is logged once (200).</summary>
    HandlerFailed,
}

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
        _ => "refused",
    };
}

/// <summary>A tool call handed to the pipeline by a host.</summary>
/// <param name="Request">The parsed request.</param>
/// <param name="Token">The <c>__token</c> the request URL carried, if any.</param>
/// <param name="Client">The client's address (after trusted proxies), for audit and fallback limits.</param>
/// <param name="Details">The request's query and headers for per-request configuration; needed only when <see cref="AgentBase.HasDynamicConfig"/>.</param>
public sealed record ToolInvocation(Requests.SwaigRequest Request, string? Token, System.Net.IPAddress? Client, AgentRequest? Details = null);
