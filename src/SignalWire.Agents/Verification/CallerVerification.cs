namespace SignalWire.Agents.Verification;

/// <summary>An agent's caller verification: the verifier and its options, fixed when registered.</summary>
public sealed class CallerVerification
{
    /// <summary>The built-in tool the AI calls with the caller's code.</summary>
    public const string ToolName = "verify_caller";

    /// <summary>The tool's argument holding the code.</summary>
    public const string CodeParameter = "code";

    internal CallerVerification(CallerVerifier verifier, CallerVerificationOptions options)
    {
        Verifier = verifier;
        Options = options;
    }

    /// <summary>How callers prove who they are.</summary>
    public CallerVerifier Verifier { get; }

    /// <summary>A copy of the options given at registration (later changes to the caller's instance have no effect).</summary>
    internal CallerVerificationOptions Options { get; }

    /// <summary>Whether tools that do not say otherwise need a verified caller.</summary>
    public bool RequiredByDefault => Options.RequiredByDefault;

    /// <summary>Whether codes are sent by text message (else the caller gives a secret the application holds).</summary>
    public bool SendsCodes => Verifier is OneTimeCodeVerifier;
}
