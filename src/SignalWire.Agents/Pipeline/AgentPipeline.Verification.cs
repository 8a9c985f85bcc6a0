using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Pipeline;

/// <summary>The caller-verification gates.</summary>
public sealed partial class AgentPipeline
{
    /// <summary>Message the AI gets when a tool needs a verified caller and the call is not verified.</summary>
    public const string VerifyFirstResponse = CallerVerificationGate.VerifyFirstResponse;

    /// <summary>Message the AI gets when <c>verify_caller</c> verified the caller.</summary>
    public const string CallerVerifiedResponse = CallerVerificationGate.VerifiedResponse;

    /// <summary>Message the AI gets from <c>verify_caller</c> on a call that is already verified.</summary>
    public const string AlreadyVerifiedResponse = CallerVerificationGate.AlreadyVerifiedResponse;

    /// <summary>
    /// The answer for a tool that needs a verified caller on a call that is not (or whose state cannot be read: fail
    /// closed); <see langword="null"/> when the tool may run.
    /// </summary>
    private async ValueTask<ToolOutcome?> VerificationRefusalAsync(AgentBase agent, ToolDefinition tool, string? callId, CancellationToken cancellationToken)
    {
        if (!agent.RequiresVerifiedCaller(tool))
        {
            return null;
        }

        var gate = Telemetry.AgentTracing.StartGate("signalwire.gate.verified_caller");
        var verification = agent.CallerVerification;
        string reason;
        string response;
        if (verification is null)
        {
            PipelineLog.VerificationNotConfigured(_logger, tool.Name);
            (reason, response) = ("not_configured", CallerVerificationGate.UnavailableResponse);
        }
        else
        {
            switch (await _verification.IsVerifiedAsync(callId, cancellationToken).ConfigureAwait(false))
            {
                case true:
                    Telemetry.AgentTracing.End(gate, Telemetry.AgentTracing.Pass);
                    return null;
                case false:
                    (reason, response) = ("unverified", VerifyFirstResponse);
                    break;
                default:
                    (reason, response) = ("store_unavailable", CallerVerificationGate.UnavailableResponse);
                    break;
            }
        }

        Telemetry.AgentTracing.End(gate, reason);
        _audit.VerificationRequired(tool.Name, callId, reason);
        _metrics.Verification(_agent.Name, "required");
        return ToolOutcome.Answered(ToolOutcomeKind.VerificationRequired, new FunctionResult(response));
    }

    /// <summary>Refuses to build the gates when a tool needs a verified caller and verification is off.</summary>
    private static void EnsureVerifierForTools(AgentBase agent)
    {
        if (agent.CallerVerification is not null)
        {
            return;
        }

        foreach (var tool in agent.Tools.All)
        {
            if (agent.RequiresVerifiedCaller(tool))
            {
                throw new AgentConfigurationException($"Tool '{tool.Name}' requires a verified caller, but caller verification is not on: call UseCallerVerification on agent '{agent.Name}'.");
            }
        }
    }

    /// <summary>Why a one-time code may not be texted to <paramref name="number"/> (the destination policy), or <see langword="null"/>.</summary>
    private string? SmsDestinationProblem(string number) => _destinations.Rules.CheckNumber(number).Reason;
}
