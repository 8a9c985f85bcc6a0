using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;

namespace SignalWire.Agents;

/// <summary>Caller verification.</summary>
public partial class AgentBase
{
    /// <summary>
    /// Turns on caller verification: defines the built-in secure tool <c>verify_caller</c> (argument <c>code</c>) and
    /// makes every tool with <see cref="ToolOptions.RequiresVerifiedCaller"/> (or, with
    /// <see cref="CallerVerificationOptions.RequiredByDefault"/>, every tool that does not opt out) answer "verify
    /// first" until the call is verified. Verified state belongs to the call and lives in the host's call-state store
    /// (memory, or Redis when registered); failed attempts are limited per call and per caller number with a lockout.
    /// Codes are never logged or audited.
    /// </summary>
    /// <param name="verifier"><see cref="CallerVerifier.Secret"/> or <see cref="CallerVerifier.OneTimeCode(IOneTimeCodeSender)"/>.</param>
    /// <param name="configure">Changes the limits and wording.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">Verification is already on, or a tool named <c>verify_caller</c> exists.</exception>
    public AgentBase UseCallerVerification(CallerVerifier verifier, Action<CallerVerificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var options = new CallerVerificationOptions();
        configure?.Invoke(options);
        var verification = new CallerVerification(verifier, options.Validated());
        lock (_gate)
        {
            if (_state.Verification is not null || _state.Tools.TryGet(CallerVerification.ToolName, out _))
            {
                throw new InvalidOperationException($"Caller verification is already on, or a tool named '{CallerVerification.ToolName}' exists.");
            }

            _state.Verification = verification;
        }

        var description = verification.SendsCodes
            ? "Verify the caller's identity. Call it without a code to text a one-time code to the phone the caller is calling from; then call it again with the code the caller reads back."
            : "Verify the caller's identity with the PIN or passphrase they give.";
        var code = new JsonObject
        {
            ["type"] = "string",
            ["description"] = verification.SendsCodes ? "The code the caller read back; leave out to send a new code." : "The PIN or passphrase the caller said.",
            // Letters and digits, with the spaces, hyphens, dots and apostrophes speech recognition puts between them.
            ["pattern"] = "^[A-Za-z0-9 '.-]{1,128}$",
        };
        var parameters = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [CallerVerification.CodeParameter] = code },
        };
        if (!verification.SendsCodes)
        {
            parameters["required"] = new JsonArray(CallerVerification.CodeParameter);
        }

        // The pipeline answers this tool itself; it has no handler of its own.
        return AddTool(new ToolDefinition(CallerVerification.ToolName, description, ToolSchema.Normalize(parameters), new ToolOptions
        {
            Secure = true,
            RequiresVerifiedCaller = false,
            // Wrong codes have their own lockout; this bounds everything else (repeats, code requests) per caller.
            RateLimit = ToolRateLimit.PerMinute(10),
            SensitiveParameters = [CallerVerification.CodeParameter],
        }), invoker: null);
    }

    /// <summary>
    /// Whether <paramref name="tool"/> runs only for a verified caller: its <see cref="ToolOptions.RequiresVerifiedCaller"/>,
    /// else <see cref="CallerVerificationOptions.RequiredByDefault"/>. <c>verify_caller</c> and <c>hangup_hook</c> never need it.
    /// </summary>
    public bool RequiresVerifiedCaller(ToolDefinition tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.Name is not (CallerVerification.ToolName or CallEndFunction)
            && (tool.Options.RequiresVerifiedCaller ?? CallerVerification?.RequiredByDefault ?? false);
    }

    /// <summary>The caller verification registered with <see cref="UseCallerVerification"/>, or <see langword="null"/>.</summary>
    /// <remarks>Read on every tool call without the agent's lock: the reference is set once and never changed.</remarks>
    public CallerVerification? CallerVerification => Volatile.Read(ref _state.Verification);
}
