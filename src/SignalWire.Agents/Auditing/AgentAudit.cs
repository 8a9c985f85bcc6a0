using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Auditing;

/// <summary>
/// Writes one agent's audit events to the <see cref="AuditEvents.Category"/> logger and, when configured,
/// to the JSON-lines file. Arguments are redacted before they leave this class; no credential, token or
/// signing key is ever passed in. Values from the request are made line-safe for the logger (the file
/// writes JSON, which escapes them).
/// </summary>
internal sealed class AgentAudit : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly AuditFileSink? _file;
    private readonly TimeProvider _time;
    private readonly string _agent;

    public AgentAudit(string agent, ILoggerFactory loggers, AgentSettings settings, TimeProvider time)
    {
        _agent = agent;
        _logger = loggers.CreateLogger(AuditEvents.Category);
        _time = time;
        Redactor = new ArgumentRedactor(settings.SensitiveKeys);
        _file = settings.AuditToStandardOutput ? AuditFileSink.AcquireStandardOutput()
            : settings.AuditLogPath is { } path ? AuditFileSink.Acquire(path)
            : null;
    }

    public ArgumentRedactor Redactor { get; }

    public void CallStart(string callId, string? caller, string? called)
    {
        AuditLog.CallStart(_logger, _agent, LogText.Safe(callId)!, LogText.Safe(caller), LogText.Safe(called));
        _file?.Write(_time.GetUtcNow(), AuditEvents.CallStart, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.From, caller), (AuditNames.To, called)]);
    }

    /// <summary>Records a tool call; the arguments are redacted only when some sink will record them (for the JSON line, while it is written).</summary>
    public void FunctionCall(string function, string? callId, string? caller, JsonObject args, IReadOnlySet<string> sensitive, string outcome, double durationMs)
    {
        var logEnabled = _logger.IsEnabled(LogLevel.Information);
        if (!logEnabled && _file is null)
        {
            return;
        }

        if (logEnabled)
        {
            AuditLog.FunctionCall(_logger, _agent, function, LogText.Safe(callId), LogText.Safe(caller), outcome, Math.Round(durationMs, 3), Redactor.RedactToJson(args, sensitive));
        }

        _file?.Write(_time.GetUtcNow(), AuditEvents.FunctionCall,
            [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.Caller, caller), (AuditNames.Outcome, outcome), (AuditNames.DurationMs, durationMs), AuditField.Arguments(AuditNames.Args, Redactor, args, sensitive)]);
    }

    public void AuthFailed(IPAddress? ip, string method, string path)
    {
        AuditLog.AuthFailed(_logger, _agent, ip, LogText.Safe(method)!, LogText.Safe(path)!);
        _file?.Write(_time.GetUtcNow(), AuditEvents.AuthFailed, [(AuditNames.Agent, _agent), (AuditNames.ClientIp, ip?.ToString()), (AuditNames.Method, method), (AuditNames.Path, path)]);
    }

    public void TokenRefused(string eventName, string function, string? callId, IPAddress? ip, string reason)
    {
        switch (eventName)
        {
            case AuditEvents.TokenMissing:
                AuditLog.TokenMissing(_logger, _agent, function, LogText.Safe(callId), ip);
                break;
            case AuditEvents.TokenExpired:
                AuditLog.TokenExpired(_logger, _agent, function, LogText.Safe(callId), ip);
                break;
            default:
                AuditLog.TokenInvalid(_logger, _agent, function, LogText.Safe(callId), ip, reason);
                break;
        }

        _file?.Write(_time.GetUtcNow(), eventName, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.ClientIp, ip?.ToString()), (AuditNames.Reason, reason)]);
    }

    public void SignatureInvalid(string path, IPAddress? ip, string reason)
    {
        AuditLog.SignatureInvalid(_logger, _agent, LogText.Safe(path)!, ip, reason);
        _file?.Write(_time.GetUtcNow(), AuditEvents.SignatureInvalid, [(AuditNames.Agent, _agent), (AuditNames.Path, path), (AuditNames.ClientIp, ip?.ToString()), (AuditNames.Reason, reason)]);
    }

    public void RateLimited(string scope, string? function, string? callId, IPAddress? ip)
    {
        AuditLog.RateLimited(_logger, _agent, scope, function, LogText.Safe(callId), ip);
        _file?.Write(_time.GetUtcNow(), AuditEvents.RateLimited, [(AuditNames.Agent, _agent), (AuditNames.Scope, scope), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.ClientIp, ip?.ToString())]);
    }

    public void ValidationFailed(string function, string? callId, IReadOnlyList<string> problems)
    {
        var joined = string.Join("; ", problems);
        AuditLog.ValidationFailed(_logger, _agent, function, LogText.Safe(callId), LogText.Safe(joined)!);
        _file?.Write(_time.GetUtcNow(), AuditEvents.ValidationFailed, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.Problems, joined)]);
    }

    public void EmergencyBlock(string function, string? callId)
    {
        AuditLog.EmergencyBlock(_logger, _agent, function, LogText.Safe(callId));
        _file?.Write(_time.GetUtcNow(), AuditEvents.EmergencyBlock, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId)]);
    }

    public void ConfirmationRequired(string function, string? callId)
    {
        AuditLog.ConfirmationRequired(_logger, _agent, function, LogText.Safe(callId));
        _file?.Write(_time.GetUtcNow(), AuditEvents.ConfirmationRequired, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId)]);
    }

    public void CallerVerified(string? callId, string? caller, string method)
    {
        AuditLog.CallerVerified(_logger, _agent, LogText.Safe(callId), LogText.Safe(caller), method);
        _file?.Write(_time.GetUtcNow(), AuditEvents.CallerVerified, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.Caller, caller), (AuditNames.Method, method)]);
    }

    public void VerificationFailed(string? callId, string? caller, string reason)
    {
        AuditLog.VerificationFailed(_logger, _agent, LogText.Safe(callId), LogText.Safe(caller), reason);
        _file?.Write(_time.GetUtcNow(), AuditEvents.VerificationFailed, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.Caller, caller), (AuditNames.Reason, reason)]);
    }

    public void VerificationLocked(string? callId, string? caller, string scope)
    {
        AuditLog.VerificationLocked(_logger, _agent, LogText.Safe(callId), LogText.Safe(caller), scope);
        _file?.Write(_time.GetUtcNow(), AuditEvents.VerificationLocked, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.Caller, caller), (AuditNames.Scope, scope)]);
    }

    public void VerificationCodeSent(string? callId, string? caller)
    {
        AuditLog.VerificationCodeSent(_logger, _agent, LogText.Safe(callId), LogText.Safe(caller));
        _file?.Write(_time.GetUtcNow(), AuditEvents.VerificationCodeSent, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.Caller, caller)]);
    }

    public void VerificationRequired(string function, string? callId, string reason)
    {
        AuditLog.VerificationRequired(_logger, _agent, function, LogText.Safe(callId), reason);
        _file?.Write(_time.GetUtcNow(), AuditEvents.VerificationRequired, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.Reason, reason)]);
    }

    public void DestinationBlocked(string function, string? callId, string action, string destination, string reason)
    {
        AuditLog.DestinationBlocked(_logger, _agent, function, LogText.Safe(callId), action, LogText.Safe(destination)!, reason);
        _file?.Write(_time.GetUtcNow(), AuditEvents.DestinationBlocked, [(AuditNames.Agent, _agent), (AuditNames.Function, function), (AuditNames.CallId, callId), (AuditNames.Action, action), (AuditNames.Destination, destination), (AuditNames.Reason, reason)]);
    }

    public void CallLimited(string? callId, string? caller)
    {
        AuditLog.CallLimited(_logger, _agent, LogText.Safe(callId), LogText.Safe(caller));
        _file?.Write(_time.GetUtcNow(), AuditEvents.CallLimited, [(AuditNames.Agent, _agent), (AuditNames.CallId, callId), (AuditNames.Caller, caller)]);
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
