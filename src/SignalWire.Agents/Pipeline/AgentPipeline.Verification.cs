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
}
