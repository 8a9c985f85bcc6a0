
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

    /// <summary>A tool served by another service at its own <c>web_hook_url</c> (400).</summary>
    RunsElsewhere,

    /// <summary>The tool needs a verified caller and the call is not verified, or <c>verify_caller</c> asked for (or sent) a code; the AI is told (200).</summary>
    VerificationRequired,

    /// <summary><c>verify_caller</c> refused: a wrong code, a lockout, or verification unavailable; the AI is told (200).</summary>
    VerificationFailed,
}
