using SignalWire.Agents.Auditing;
using SignalWire.Agents.Telemetry;
using SignalWire.Agents.Swaig;

namespace SignalWire.Agents.Pipeline;

/// <summary>The SWAIG tool-call gates.</summary>
public sealed partial class AgentPipeline
{
    /// <summary>Message the AI gets when a handler throws; the details go to the log only.</summary>
    public const string ToolFailureResponse = "Sorry, that action could not be completed because of an internal error. Please try again later.";

    /// <summary>Message the AI gets when a caller exceeds a tool's limit.</summary>
    public const string RateLimitedResponse = RateLimitGate.Response;

    /// <summary>Message the AI gets for secure and sensitive tools in emergency mode.</summary>
    public const string EmergencyResponse = EmergencyGate.Response;

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
        var call = new ToolCall(agent, tool, request, invocation.Token, invocation.Client,
            tool.Name == Verification.CallerVerification.ToolName ? agent.CallerVerification : null);
        if (await ToolGates.RunAsync(_gates.Entry, call, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var started = _time.GetTimestamp();
        var outcome = await ToolGates.RunAsync(_gates.Call, call, cancellationToken).ConfigureAwait(false)
            ?? await RunHandlerAsync(call, cancellationToken).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);
        _metrics.FunctionCall(_agent.Name, tool.Name, outcome.Name, elapsed.TotalSeconds);
        _audit.FunctionCall(tool.Name, request.CallId, request.CallerIdNumber, request.Arguments, tool.SensitiveParameters, outcome.Name, elapsed.TotalMilliseconds);
        return outcome;
    }

    /// <summary>The handler, once every gate has passed, then the destination policy on its result; a handler that throws is logged once and answered with an apology.</summary>
    private async ValueTask<ToolOutcome> RunHandlerAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var (agent, tool, request) = (call.Agent, call.Tool, call.Request);
        var callId = request.CallId;
        if (agent.InvokerFor(tool.Name) is not { } invoke)
        {
            // Every webhook tool is registered with its handler; nothing to run means nothing ran.
            PipelineLog.ToolFailed(_logger, new InvalidOperationException($"Tool '{tool.Name}' has no handler."), tool.Name, LogText.Safe(callId));
            return ToolOutcome.Answered(ToolOutcomeKind.HandlerFailed, new FunctionResult(ToolFailureResponse));
        }

        var handler = AgentTracing.StartGate("signalwire.handler");
        try
        {
            var result = await invoke(request.Arguments, new ToolCallContext(agent, tool.Name, request), cancellationToken).ConfigureAwait(false) ?? new FunctionResult();
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
}
