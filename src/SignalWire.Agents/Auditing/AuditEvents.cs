namespace SignalWire.Agents.Auditing;

/// <summary>Names and event ids of the audit events (logger category <see cref="Category"/>).</summary>
public static class AuditEvents
{
    /// <summary>Logger category of the audit trail.</summary>
    public const string Category = "SignalWire.Agents.Audit";

    /// <summary>First SWML fetch of a call.</summary>
    public const string CallStart = "call_start";

    /// <summary>A tool ran (or was refused after dispatch).</summary>
    public const string FunctionCall = "function_call";

    /// <summary>Basic Auth failed.</summary>
    public const string AuthFailed = "auth_failed";

    /// <summary>A secure tool was called without a token.</summary>
    public const string TokenMissing = "token_missing";

    /// <summary>A secure tool's token was malformed, forged, for another call or function, or replayed.</summary>
    public const string TokenInvalid = "token_invalid";

    /// <summary>A secure tool's token had expired.</summary>
    public const string TokenExpired = "token_expired";

    /// <summary>A webhook signature was missing or wrong.</summary>
    public const string SignatureInvalid = "signature_invalid";

    /// <summary>A rate limit refused a request.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Arguments failed the tool's schema.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>Emergency mode blocked a tool.</summary>
    public const string EmergencyBlock = "emergency_block";

    /// <summary>A tool that requires confirmation was called without it.</summary>
    public const string ConfirmationRequired = "confirmation_required";
}
