using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>The SWAIG tool-call pipeline.</summary>
internal sealed partial class AgentEndpoints
{
    private async Task DispatchToolAsync(HttpContext context)
    {
        if (await ReadObjectOrRejectAsync(context).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var name = request.GetString("function");
        if (string.IsNullOrEmpty(name))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Missing function name").ConfigureAwait(false);
            return;
        }

        if (!ToolNames.IsWellFormed(name))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Invalid function name").ConfigureAwait(false);
            return;
        }

        var agent = await AgentForAsync(context, request).ConfigureAwait(false);
        if (!agent.Tools.TryGet(name, out var tool))
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "Function not found").ConfigureAwait(false);
            return;
        }

        if (tool.DataMap is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Function runs on the SignalWire platform").ConfigureAwait(false);
            return;
        }

        var callId = request.GetString("call_id");
        if (tool.Secure && !await CheckTokenAsync(context, tool.Name, callId, oneTime: true).ConfigureAwait(false))
        {
            return;
        }

        var args = ExtractArguments(request);
        var caller = request.GetString("caller_id_num");
        var started = _time.GetTimestamp();
        var (result, outcome) = await RunToolAsync(context, agent, tool, args, request, callId, caller).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);
        _metrics.FunctionCall(_agent.Name, tool.Name, outcome, elapsed.TotalSeconds);
        _audit.FunctionCall(tool.Name, callId, caller, args, tool.SensitiveParameters, outcome, elapsed.TotalMilliseconds);

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, result, static (r, buffer) =>
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer, SwmlJson.WriterOptions);
            r.WriteTo(writer);
        }).ConfigureAwait(false);
    }

    /// <summary>The checks that answer the AI (HTTP 200) rather than the HTTP client, then the handler.</summary>
    private async ValueTask<(FunctionResult Result, string Outcome)> RunToolAsync(HttpContext context, AgentBase agent, ToolDefinition tool, JsonObject args, JsonObject request, string? callId, string? caller)
    {
        if ((tool.Secure || tool.Options.Sensitive) && _agent.EmergencyMode)
        {
            _audit.EmergencyBlock(tool.Name, callId);
            _metrics.EmergencyBlock(_agent.Name, tool.Name);
            return (new FunctionResult(EmergencyResponse), "emergency_block");
        }

        if (_limits.For(tool) is { } limiter)
        {
            using var lease = await limiter.AcquireAsync(caller ?? callId ?? IpKey(context.Connection.RemoteIpAddress), 1, context.RequestAborted).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                _audit.RateLimited("caller", tool.Name, callId, context.Connection.RemoteIpAddress);
                _metrics.RateLimited(_agent.Name, "caller");
                return (new FunctionResult(RateLimitedResponse), "rate_limited");
            }
        }

        var problems = tool.Validator.Validate(args);
        if (problems.Count > 0)
        {
            _audit.ValidationFailed(tool.Name, callId, problems);
            _metrics.ValidationFailure(_agent.Name, tool.Name);
            return (TypedToolArguments.InvalidArguments(tool.Name, string.Join("; ", problems)), "validation_failed");
        }

        if (tool.Options.RequiresConfirmation && !Confirmation.IsConfirmed(args))
        {
            _audit.ConfirmationRequired(tool.Name, callId);
            return (new FunctionResult(tool.ConfirmationPrompt(args)), "confirmation_required");
        }

        try
        {
            var result = await tool.Invoke(args, new ToolCallContext(agent, tool.Name, request), context.RequestAborted).ConfigureAwait(false);
            return (result ?? new FunctionResult(), "success");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            Log.ToolFailed(_logger, ex, tool.Name, LogText.Safe(callId));
            return (new FunctionResult(ToolFailureResponse), "error");
        }
    }
}
