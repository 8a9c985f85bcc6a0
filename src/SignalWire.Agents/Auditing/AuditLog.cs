using System.Net;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.Auditing;

/// <summary>The audit trail's structured log messages (fixed event ids 2001-2099).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(2001, LogLevel.Information, "call_start agent={Agent} call_id={CallId} from={Caller} to={Called}")]
    public static partial void CallStart(ILogger logger, string agent, string callId, string? caller, string? called);

    [LoggerMessage(2002, LogLevel.Information, "function_call agent={Agent} function={Function} call_id={CallId} caller={Caller} outcome={Outcome} duration_ms={DurationMs} args={Arguments}")]
    public static partial void FunctionCall(ILogger logger, string agent, string function, string? callId, string? caller, string outcome, double durationMs, string arguments);

    [LoggerMessage(2010, LogLevel.Warning, "auth_failed agent={Agent} client_ip={ClientIp} method={Method} path={Path}")]
    public static partial void AuthFailed(ILogger logger, string agent, IPAddress? clientIp, string method, string path);

    [LoggerMessage(2011, LogLevel.Warning, "token_missing agent={Agent} function={Function} call_id={CallId} client_ip={ClientIp}")]
    public static partial void TokenMissing(ILogger logger, string agent, string function, string? callId, IPAddress? clientIp);

    [LoggerMessage(2012, LogLevel.Warning, "token_invalid agent={Agent} function={Function} call_id={CallId} client_ip={ClientIp} reason={Reason}")]
    public static partial void TokenInvalid(ILogger logger, string agent, string function, string? callId, IPAddress? clientIp, string reason);

    [LoggerMessage(2013, LogLevel.Warning, "token_expired agent={Agent} function={Function} call_id={CallId} client_ip={ClientIp}")]
    public static partial void TokenExpired(ILogger logger, string agent, string function, string? callId, IPAddress? clientIp);

    [LoggerMessage(2014, LogLevel.Warning, "signature_invalid agent={Agent} path={Path} client_ip={ClientIp} reason={Reason}")]
    public static partial void SignatureInvalid(ILogger logger, string agent, string path, IPAddress? clientIp, string reason);

    [LoggerMessage(2015, LogLevel.Warning, "rate_limited agent={Agent} scope={Scope} function={Function} call_id={CallId} client_ip={ClientIp}")]
    public static partial void RateLimited(ILogger logger, string agent, string scope, string? function, string? callId, IPAddress? clientIp);

    [LoggerMessage(2016, LogLevel.Warning, "validation_failed agent={Agent} function={Function} call_id={CallId} problems={Problems}")]
    public static partial void ValidationFailed(ILogger logger, string agent, string function, string? callId, string problems);

    [LoggerMessage(2017, LogLevel.Warning, "emergency_block agent={Agent} function={Function} call_id={CallId}")]
    public static partial void EmergencyBlock(ILogger logger, string agent, string function, string? callId);

    [LoggerMessage(2018, LogLevel.Information, "confirmation_required agent={Agent} function={Function} call_id={CallId}")]
    public static partial void ConfirmationRequired(ILogger logger, string agent, string function, string? callId);

    [LoggerMessage(2020, LogLevel.Information, "caller_verified agent={Agent} call_id={CallId} caller={Caller} method={Method}")]
    public static partial void CallerVerified(ILogger logger, string agent, string? callId, string? caller, string method);

    [LoggerMessage(2021, LogLevel.Warning, "verification_failed agent={Agent} call_id={CallId} caller={Caller} reason={Reason}")]
    public static partial void VerificationFailed(ILogger logger, string agent, string? callId, string? caller, string reason);

    [LoggerMessage(2022, LogLevel.Warning, "verification_locked agent={Agent} call_id={CallId} caller={Caller} scope={Scope}")]
    public static partial void VerificationLocked(ILogger logger, string agent, string? callId, string? caller, string scope);

    [LoggerMessage(2023, LogLevel.Information, "verification_code_sent agent={Agent} call_id={CallId} caller={Caller}")]
    public static partial void VerificationCodeSent(ILogger logger, string agent, string? callId, string? caller);

    [LoggerMessage(2024, LogLevel.Information, "verification_required agent={Agent} function={Function} call_id={CallId} reason={Reason}")]
    public static partial void VerificationRequired(ILogger logger, string agent, string function, string? callId, string reason);

    [LoggerMessage(2025, LogLevel.Warning, "destination_blocked agent={Agent} function={Function} call_id={CallId} action={Action} destination={Destination} reason={Reason}")]
    public static partial void DestinationBlocked(ILogger logger, string agent, string function, string? callId, string action, string destination, string reason);

    [LoggerMessage(2026, LogLevel.Warning, "call_limited agent={Agent} call_id={CallId} caller={Caller}")]
    public static partial void CallLimited(ILogger logger, string agent, string? callId, string? caller);
}
