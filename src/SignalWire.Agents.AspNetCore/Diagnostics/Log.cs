using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>Source-generated log messages. None of them carries a password, token or Authorization header.</summary>
internal static partial class Log
{
    /// <summary>Category used by the hosting layer.</summary>
    public const string Category = "SignalWire.Agents";

    [LoggerMessage(1003, LogLevel.Error, "Function {Function} failed for call {CallId}")]
    public static partial void ToolFailed(ILogger logger, Exception exception, string function, string? callId);

    [LoggerMessage(1004, LogLevel.Error, "The summary handler failed for call {CallId}")]
    public static partial void SummaryFailed(ILogger logger, Exception exception, string? callId);

    [LoggerMessage(1005, LogLevel.Debug, "Rejected {Method} {Path} with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(1007, LogLevel.Warning, "Refused {Method} {Path} with {Status}: {Reason}")]
    public static partial void MalformedRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(1006, LogLevel.Error, "Unexpected error while handling {Method} {Path}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(1010, LogLevel.Warning, "Agent {Agent}: no token secret is configured (SIGNALWIRE_SWAIG_SECRET); a random one was generated, so secure-tool tokens will not survive a restart or validate on another replica")]
    public static partial void EphemeralTokenSecret(ILogger logger, string agent);

    [LoggerMessage(1011, LogLevel.Warning, "Agent {Agent}: no Basic Auth password is configured (SWML_BASIC_AUTH_PASSWORD); one was generated for user {User} and printed once on the console")]
    public static partial void GeneratedPassword(ILogger logger, string agent, string user);

    [LoggerMessage(1012, LogLevel.Information, "Agent {Agent} mapped at {Route} (HTTPS {Https}, proxy base {ProxyBase}, trust forwarded headers {TrustProxyHeaders})")]
    public static partial void AgentMapped(ILogger logger, string agent, string route, bool https, string proxyBase, bool trustProxyHeaders);

    [LoggerMessage(1020, LogLevel.Debug, "Agent {Agent}: debug event {EventType} for call {CallId}")]
    public static partial void DebugEventReceived(ILogger logger, string agent, string eventType, string? callId);

    [LoggerMessage(1021, LogLevel.Error, "The debug event handler failed for event {EventType} of call {CallId}")]
    public static partial void DebugEventFailed(ILogger logger, Exception exception, string eventType, string? callId);
}
