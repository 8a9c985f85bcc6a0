using System.Net;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Security;
using SignalWire.Agents.Telemetry;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Swaig;

namespace SignalWire.Agents.Pipeline;

/// <summary>The SWAIG tool-call gates.</summary>
public sealed partial class AgentPipeline
{
    /// <summary>Message the AI gets when a handler throws; the details go to the log only.</summary>
    public const string ToolFailureResponse = "Sorry, that action could not be completed because of an internal error. Please try again later.";

    /// <summary>Message the AI gets when a caller exceeds a tool's limit.</summary>
    public const string RateLimitedResponse = "You've made too many requests. Please wait a moment.";

    /// <summary>Message the AI gets for secure and sensitive tools in emergency mode.</summary>
    public const string EmergencyResponse = "This service is temporarily unavailable.";

    /// <summary>
    /// Runs a tool call through every gate in order: function name (400), known function (404), not a DataMap or an external tool
    /// tool (400), secure token and single use (403), then — answering the AI with HTTP 200 — the emergency
    /// switch, the per-caller limit, argument validation, confirmation, and the handler. Tool calls that get
    /// past the token are audited with their (redacted) arguments and counted with their duration.
    /// </summary>
    public ValueTask<ToolOutcome> InvokeToolAsync(ToolInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);

        // Untraced (no listener), the call pays for no span and no extra state machine.
        return AgentTracing.Source.HasListeners() ? TracedAsync(invocation, cancellationToken) : GateAndRunAsync(invocation, cancellationToken);
    }

    private async ValueTask<ToolOutcome> TracedAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var function = invocation.Request.Function;
        using var span = AgentTracing.StartToolCall(_agent.Name, function is not null && ToolNames.IsWellFormed(function) ? function : null, invocation.Request.CallId);
        var outcome = await GateAndRunAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (span is not null)
        {
            span.SetTag(AgentTracing.OutcomeAttribute, outcome.Name);
            if (outcome.Kind == ToolOutcomeKind.HandlerFailed)
            {
                span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome.Name);
            }
        }

        return outcome;
    }

    private async ValueTask<ToolOutcome> GateAndRunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.Request;
        var name = request.Function;
        if (string.IsNullOrEmpty(name))
        {
            return ToolOutcome.Refused(ToolOutcomeKind.MissingFunctionName, 400, "Missing function name");
        }

        if (!ToolNames.IsWellFormed(name))
        {
            return ToolOutcome.Refused(ToolOutcomeKind.InvalidFunctionName, 400, "Invalid function name");
        }

        var agent = await AgentForRequestAsync(invocation.Details, cancellationToken).ConfigureAwait(false);
        if (!agent.Tools.TryGet(name, out var tool))
        {
            return ToolOutcome.Refused(ToolOutcomeKind.FunctionNotFound, 404, "Function not found");
        }

        if (tool.DataMap is not null)
        {
            return ToolOutcome.Refused(ToolOutcomeKind.RunsOnPlatform, 400, "Function runs on the SignalWire platform");
        }

        if (tool.ExternalUrl is not null)
        {
            return ToolOutcome.Refused(ToolOutcomeKind.RunsElsewhere, 400, "Function runs at its own web_hook_url");
        }

        // verify_caller is called several times on one call (send, then check; retries), so its token is not single-use.
        var verification = tool.Name == Verification.CallerVerification.ToolName ? agent.CallerVerification : null;
        if (tool.Secure)
        {
            var gate = AgentTracing.StartGate("signalwire.gate.token");
            var valid = await CheckTokenAsync(tool.Name, invocation.Token, request.CallId, invocation.Client, oneTime: verification is null, cancellationToken).ConfigureAwait(false);
            AgentTracing.End(gate, valid ? AgentTracing.Pass : "refused");
            if (!valid)
            {
                return ToolOutcome.Refused(ToolOutcomeKind.TokenRefused, 403, "Forbidden");
            }
        }

        var started = _time.GetTimestamp();
        var outcome = await RunToolAsync(agent, tool, verification, request, invocation.Client, cancellationToken).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);
        _metrics.FunctionCall(_agent.Name, tool.Name, outcome.Name, elapsed.TotalSeconds);
        _audit.FunctionCall(tool.Name, request.CallId, request.CallerIdNumber, request.Arguments, tool.SensitiveParameters, outcome.Name, elapsed.TotalMilliseconds);
        return outcome;
    }

    /// <summary>The checks that answer the AI (HTTP 200) rather than the client, then the handler.</summary>
    private async ValueTask<ToolOutcome> RunToolAsync(AgentBase agent, ToolDefinition tool, Verification.CallerVerification? verification, Requests.SwaigRequest request, IPAddress? client, CancellationToken cancellationToken)
    {
        var callId = request.CallId;
        if ((tool.Secure || tool.Options.Sensitive) && _agent.EmergencyMode)
        {
            AgentTracing.End(AgentTracing.StartGate("signalwire.gate.emergency"), "blocked");
            _audit.EmergencyBlock(tool.Name, callId);
            _metrics.EmergencyBlock(_agent.Name, tool.Name);
            return ToolOutcome.Answered(ToolOutcomeKind.EmergencyBlocked, new FunctionResult(EmergencyResponse));
        }

        if (_limits.For(tool) is { } limiter)
        {
            var gate = AgentTracing.StartGate("signalwire.gate.rate_limit");
            using var lease = await limiter.AcquireAsync(Verification.CallerNumber.Normalize(request.CallerIdNumber) ?? callId ?? ClientKey(client), 1, cancellationToken).ConfigureAwait(false);
            AgentTracing.End(gate, lease.IsAcquired ? AgentTracing.Pass : "limited");
            if (!lease.IsAcquired)
            {
                _audit.RateLimited("caller", tool.Name, callId, client);
                _metrics.RateLimited(_agent.Name, "caller");
                return ToolOutcome.Answered(ToolOutcomeKind.RateLimited, new FunctionResult(RateLimitedResponse));
            }
        }

        if (await VerificationRefusalAsync(agent, tool, callId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var args = request.Arguments;
        var validation = AgentTracing.StartGate("signalwire.gate.validation");
        var problems = tool.Validator.Validate(args);
        AgentTracing.End(validation, problems.Count == 0 ? AgentTracing.Pass : "invalid");
        if (problems.Count > 0)
        {
            _audit.ValidationFailed(tool.Name, callId, problems);
            _metrics.ValidationFailure(_agent.Name, tool.Name);
            return ToolOutcome.Answered(ToolOutcomeKind.ValidationFailed, TypedToolArguments.InvalidArguments(tool.Name, string.Join("; ", problems)));
        }

        if (verification is not null)
        {
            var (kind, answer) = await _verification.VerifyAsync(verification, request, SmsDestinationProblem, cancellationToken).ConfigureAwait(false);
            return ToolOutcome.Answered(kind, answer);
        }

        if (tool.Options.RequiresConfirmation)
        {
            var confirmed = Confirmation.IsConfirmed(args);
            AgentTracing.End(AgentTracing.StartGate("signalwire.gate.confirmation"), confirmed ? AgentTracing.Pass : "unconfirmed");
            if (!confirmed)
            {
                _audit.ConfirmationRequired(tool.Name, callId);
                return ToolOutcome.Answered(ToolOutcomeKind.ConfirmationRequired, new FunctionResult(tool.ConfirmationPrompt(args)));
            }
        }

        if (agent.InvokerFor(tool.Name) is not { } invoke)
        {
            // Every webhook tool is registered with its handler; nothing to run means nothing ran.
            PipelineLog.ToolFailed(_logger, new InvalidOperationException($"Tool '{tool.Name}' has no handler."), tool.Name, LogText.Safe(callId));
            return ToolOutcome.Answered(ToolOutcomeKind.HandlerFailed, new FunctionResult(ToolFailureResponse));
        }

        var handler = AgentTracing.StartGate("signalwire.handler");
        try
        {
            var result = await invoke(args, new ToolCallContext(agent, tool.Name, request), cancellationToken).ConfigureAwait(false) ?? new FunctionResult();
            AgentTracing.End(handler, AgentTracing.Pass);
            var destinations = AgentTracing.StartGate("signalwire.gate.destinations");
            await _destinations.ApplyAsync(result, tool.Name, callId, cancellationToken).ConfigureAwait(false);
            AgentTracing.End(destinations, AgentTracing.Pass);
            return ToolOutcome.Answered(ToolOutcomeKind.Success, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            handler?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "handler_failed");
            AgentTracing.End(handler, "failed");
            PipelineLog.ToolFailed(_logger, ex, tool.Name, LogText.Safe(callId));
            return ToolOutcome.Answered(ToolOutcomeKind.HandlerFailed, new FunctionResult(ToolFailureResponse));
        }
    }

    /// <summary>Checks a secure function's token (and, when on, single use); a refusal is audited and counted.</summary>
    private async ValueTask<bool> CheckTokenAsync(string function, string? token, string? callId, IPAddress? client, bool oneTime, CancellationToken cancellationToken)
    {
        var outcome = _settings.Tokens.Check(token, function, callId);
        string? reason = null;
        if (outcome == TokenCheck.Valid && oneTime && _settings.OneTimeTokens)
        {
            // Single use fails closed: if the store cannot confirm the token is fresh, it is refused.
            var recorded = SwaigTokenService.TryReadIdentity(token, out var id, out var expiresAt)
                ? await _nonces.RecordAsync($"{_agent.Name}:token:{id}", expiresAt, cancellationToken).ConfigureAwait(false)
                : NonceOutcome.Unavailable;
            if (recorded != NonceOutcome.Recorded)
            {
                outcome = TokenCheck.Invalid;
                reason = recorded == NonceOutcome.AlreadyUsed ? "replayed" : "store_unavailable";
            }
        }

        if (outcome == TokenCheck.Valid)
        {
            return true;
        }

        var eventName = outcome switch
        {
            TokenCheck.Missing => AuditEvents.TokenMissing,
            TokenCheck.Expired => AuditEvents.TokenExpired,
            _ => AuditEvents.TokenInvalid,
        };
        reason ??= outcome switch
        {
            TokenCheck.Missing => "missing",
            TokenCheck.Expired => "expired",
            TokenCheck.Malformed => "malformed",
            _ => "invalid",
        };
        _audit.TokenRefused(eventName, function, callId, client, reason);
        _metrics.TokenFailure(_agent.Name, function, reason);
        return false;
    }
}
