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

    /// <summary>The caller gave the right code: the call is verified.</summary>
    public const string CallerVerified = "caller_verified";

    /// <summary>The caller gave a wrong code, or none could be checked (the code itself is never recorded).</summary>
    public const string VerificationFailed = "verification_failed";

    /// <summary>Verification was refused because too many attempts failed for the call or the caller number.</summary>
    public const string VerificationLocked = "verification_locked";

    /// <summary>A one-time code was sent to the caller's number.</summary>
    public const string VerificationCodeSent = "verification_code_sent";

    /// <summary>A tool that needs a verified caller was called on a call that is not verified; it did not run.</summary>
    public const string VerificationRequired = "verification_required";

    /// <summary>An action reaching the phone network broke the destination policy and was removed from the result.</summary>
    public const string DestinationBlocked = "destination_blocked";

    /// <summary>A caller number placed more new calls than the per-caller call limit allows; the call was hung up.</summary>
    public const string CallLimited = "call_limited";
}
