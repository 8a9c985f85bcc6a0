using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.Pipeline;

/// <summary>The pipeline's source-generated log messages (category <see cref="AgentPipeline.LogCategory"/>). None carries a credential or token.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1003, LogLevel.Error, "Function {Function} failed for call {CallId}")]
    public static partial void ToolFailed(ILogger logger, Exception exception, string function, string? callId);

    [LoggerMessage(1004, LogLevel.Error, "The summary handler failed for call {CallId}")]
    public static partial void SummaryFailed(ILogger logger, Exception exception, string? callId);

    [LoggerMessage(1020, LogLevel.Debug, "Agent {Agent}: debug event {EventType} for call {CallId}")]
    public static partial void DebugEventReceived(ILogger logger, string agent, string eventType, string? callId);

    [LoggerMessage(1021, LogLevel.Error, "The debug event handler failed for event {EventType} of call {CallId}")]
    public static partial void DebugEventFailed(ILogger logger, Exception exception, string eventType, string? callId);

    [LoggerMessage(1022, LogLevel.Warning, "Agent {Agent}: call-end handlers are registered but swaig_post_conversation is off, so they will receive no conversation")]
    public static partial void CallEndWithoutConversation(ILogger logger, string agent);

    [LoggerMessage(1023, LogLevel.Error, "The caller verification lookup failed for call {CallId}")]
    public static partial void VerifierFailed(ILogger logger, Exception exception, string? callId);

    [LoggerMessage(1024, LogLevel.Error, "Sending a verification code failed for call {CallId} ({Reason}); the code was discarded")]
    public static partial void CodeSendFailed(ILogger logger, string reason, string? callId);

    [LoggerMessage(1025, LogLevel.Error, "Tool {Function} requires a verified caller, but caller verification is not on (UseCallerVerification); refusing it")]
    public static partial void VerificationNotConfigured(ILogger logger, string function);
}
