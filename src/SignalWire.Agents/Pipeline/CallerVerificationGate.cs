using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Requests;
using SignalWire.Agents.Security;
using SignalWire.Agents.Verification;

namespace SignalWire.Agents.Pipeline;

/// <summary>
/// Runs <c>verify_caller</c> and answers whether a call is verified. Verified state and pending code digests live
/// in the call-state store under the agent's name and the call id; failed attempts and sent codes are counted in
/// the rate-limit store per call, per caller (its normalised number, or one shared key for callers without one) and
/// per agent, so limits hold across replicas and across spellings of a number. Every store failure
/// fails closed. No code, secret or digest is ever logged, audited or returned.
/// </summary>
internal sealed class CallerVerificationGate(
    string agent,
    AgentSettings settings,
    ICallStateStore store,
    IRateLimitStore limits,
    AgentAudit audit,
    AgentMetrics metrics,
    ILogger logger,
    TimeProvider time)
{
    public const string VerifyFirstResponse = "This action needs the caller to be verified first. Ask the caller for their verification code and call verify_caller with it.";
    public const string UnavailableResponse = "Caller verification is unavailable right now, so this action cannot be done. Offer other help or ask the caller to try again later.";
    public const string VerifiedResponse = "The caller is verified. Go on with what they asked for.";
    public const string AlreadyVerifiedResponse = "The caller is already verified on this call.";
    public const string WrongCodeResponse = "That code is not correct. Ask the caller to check it and try again.";
    public const string LockedResponse = "Too many incorrect codes. Verification is locked for this caller for now; offer other help.";
    public const string AskForSecretResponse = "Ask the caller for their PIN or passphrase, then call verify_caller with it as code.";
    public const string CodeSentResponse = "A one-time code was sent by text message to the phone the caller is calling from. Ask the caller to read it, then call verify_caller with it as code.";
    public const string NoPendingCodeResponse = "No code is pending for this call, or it expired. Call verify_caller without a code to send a new one.";
    public const string CannotSendResponse = "A code cannot be sent to this caller. Offer other help.";
    public const string TooManyCodesResponse = "Too many codes were sent to this caller. Ask them to use the last code they received, or try again later.";

    private const string FailuresPolicy = "verify-failures";
    private const string CodesPolicy = "verify-codes";

    /// <summary>The one partition of the per-agent failure ceiling.</summary>
    private const string AgentKey = "all-callers";
    private byte[]? _digestKey;

    /// <summary>Whether <paramref name="callId"/> is verified: <see langword="true"/>, <see langword="false"/>, or <see langword="null"/> when the store cannot say.</summary>
    public async ValueTask<bool?> IsVerifiedAsync(string? callId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(callId))
        {
            return false;
        }

        var read = await store.GetAsync(VerifiedKey(callId), cancellationToken).ConfigureAwait(false);
        return read.Available ? read.Value is not null : null;
    }

    /// <summary>Forgets the call's verification and pending code (the call has ended).</summary>
    public async ValueTask ForgetAsync(string callId, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(VerifiedKey(callId), cancellationToken).ConfigureAwait(false);
        await store.RemoveAsync(CodeKey(callId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers a <c>verify_caller</c> call.</summary>
    public async ValueTask<(ToolOutcomeKind Kind, FunctionResult Result)> VerifyAsync(CallerVerification verification, SwaigRequest request, Func<string, string?> smsDestinationProblem, CancellationToken cancellationToken)
    {
        var options = verification.Options;
        var callId = request.CallId!;
        // One key per caller whatever the spelling; callers without a usable number share one budget of their own.
        var caller = CallerNumber.Normalize(request.CallerIdNumber);
        var given = request.Arguments[CallerVerification.CodeParameter] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

        switch (await IsVerifiedAsync(callId, cancellationToken).ConfigureAwait(false))
        {
            case true:
                return Answer(ToolOutcomeKind.Success, AlreadyVerifiedResponse);
            case null:
                return Unavailable(callId, caller, "store_unavailable");
        }

        var perCall = Limiter(FailuresPolicy + ":call", options.MaxAttemptsPerCall, options.VerifiedLifetime);
        var perCaller = caller is null
            ? Limiter(FailuresPolicy + ":no-number", options.MaxFailuresWithoutCallerNumber, options.LockoutPeriod)
            : Limiter(FailuresPolicy + ":caller", options.MaxFailuresPerCaller, options.LockoutPeriod);
        var callerKey = caller ?? CallerNumber.NoNumberKey;
        // A ceiling over every caller: spoofing a new number per call cannot buy unlimited guesses at a shared secret.
        var perAgent = Limiter(FailuresPolicy + ":agent", options.MaxFailuresPerAgent, options.LockoutPeriod);
        if (await IsExhaustedAsync(perAgent, AgentKey, cancellationToken).ConfigureAwait(false))
        {
            metrics.RateLimited(agent, "verification_agent");
            return Locked(callId, caller, "agent");
        }

        if (await IsExhaustedAsync(perCall, callId, cancellationToken).ConfigureAwait(false))
        {
            return Locked(callId, caller, "call");
        }

        if (await IsExhaustedAsync(perCaller, callerKey, cancellationToken).ConfigureAwait(false))
        {
            return Locked(callId, caller, caller is null ? "no_caller_number" : "caller");
        }

        var identity = new CallerIdentity(callId, caller, request.CallerIdName);
        bool matched;
        switch (verification.Verifier)
        {
            case SecretVerifier secret:
                if (given is null)
                {
                    return Answer(ToolOutcomeKind.VerificationRequired, AskForSecretResponse);
                }

                string? expected;
                try
                {
                    expected = await secret.Lookup(identity, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    PipelineLog.VerifierFailed(logger, ex, Auditing.LogText.Safe(callId));
                    return Unavailable(callId, caller, "lookup_failed");
                }

                matched = VerificationCodes.SecretsMatch(given, expected);
                break;

            case OneTimeCodeVerifier sender:
                if (given is null)
                {
                    return await SendCodeAsync(sender, options, identity, smsDestinationProblem, cancellationToken).ConfigureAwait(false);
                }

                var pending = await store.GetAsync(CodeKey(callId), cancellationToken).ConfigureAwait(false);
                if (!pending.Available)
                {
                    return Unavailable(callId, caller, "store_unavailable");
                }

                if (pending.Value is null)
                {
                    return Answer(ToolOutcomeKind.VerificationRequired, NoPendingCodeResponse);
                }

                matched = VerificationCodes.DigestsMatch(VerificationCodes.Digest(DigestKey(), callId, given), pending.Value);
                break;

            default:
                throw new InvalidOperationException("Unknown verifier.");
        }

        if (!matched)
        {
            // Both budgets are charged; whichever runs out first locks further attempts.
            (await perCall.AcquireAsync(callId, 1, cancellationToken).ConfigureAwait(false)).Dispose();
            (await perCaller.AcquireAsync(callerKey, 1, cancellationToken).ConfigureAwait(false)).Dispose();
            (await perAgent.AcquireAsync(AgentKey, 1, cancellationToken).ConfigureAwait(false)).Dispose();

            audit.VerificationFailed(callId, caller, "wrong_code");
            metrics.Verification(agent, "failed");
            return Answer(ToolOutcomeKind.VerificationFailed, WrongCodeResponse);
        }

        if (!await store.SetAsync(VerifiedKey(callId), "1", time.GetUtcNow().Add(options.VerifiedLifetime), cancellationToken).ConfigureAwait(false))
        {
            return Unavailable(callId, caller, "store_unavailable");
        }

        if (verification.SendsCodes)
        {
            // A code verifies once.
            await store.RemoveAsync(CodeKey(callId), cancellationToken).ConfigureAwait(false);
        }

        audit.CallerVerified(callId, caller, verification.Verifier.Method);
        metrics.Verification(agent, "verified");
        return Answer(ToolOutcomeKind.Success, VerifiedResponse);
    }

    private async ValueTask<(ToolOutcomeKind, FunctionResult)> SendCodeAsync(OneTimeCodeVerifier sender, CallerVerificationOptions options, CallerIdentity identity, Func<string, string?> smsDestinationProblem, CancellationToken cancellationToken)
    {
        var callId = identity.CallId;
        if (identity.CallerNumber is not { Length: > 0 } number)
        {
            audit.VerificationFailed(callId, null, "no_caller_number");
            return Answer(ToolOutcomeKind.VerificationFailed, CannotSendResponse);
        }

        if (smsDestinationProblem(number) is { } problem)
        {
            // The number calling decides where the text goes, so it passes the same destination policy as any SMS.
            audit.VerificationFailed(callId, number, "destination_" + problem);
            metrics.Verification(agent, "failed");
            return Answer(ToolOutcomeKind.VerificationFailed, CannotSendResponse);
        }

        using (var perCall = await Limiter(CodesPolicy + ":call", options.MaxCodesPerCall, options.VerifiedLifetime).AcquireAsync(callId, 1, cancellationToken).ConfigureAwait(false))
        using (var perNumber = await Limiter(CodesPolicy + ":caller", options.MaxCodesPerCaller, options.LockoutPeriod).AcquireAsync(number, 1, cancellationToken).ConfigureAwait(false))
        {
            if (!perCall.IsAcquired || !perNumber.IsAcquired)
            {
                audit.RateLimited("verification_codes", CallerVerification.ToolName, callId, null);
                metrics.RateLimited(agent, "verification_codes");
                return Answer(ToolOutcomeKind.RateLimited, TooManyCodesResponse);
            }
        }

        var code = VerificationCodes.Generate(options.CodeLength);
        var expiresAt = time.GetUtcNow().Add(options.CodeLifetime);
        if (!await store.SetAsync(CodeKey(callId), VerificationCodes.Digest(DigestKey(), callId, code), expiresAt, cancellationToken).ConfigureAwait(false))
        {
            return Unavailable(callId, number, "store_unavailable");
        }

        var text = options.MessageText?.Invoke(code)
            ?? $"Your verification code is {code}. It expires in {Math.Max(1, (int)Math.Round(options.CodeLifetime.TotalMinutes))} minutes.";
        try
        {
            await sender.Sender.SendAsync(new OneTimeCodeMessage(number, code, text, expiresAt, identity), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PipelineLog.CodeSendFailed(logger, ex.GetType().Name, Auditing.LogText.Safe(callId));
            await store.RemoveAsync(CodeKey(callId), cancellationToken).ConfigureAwait(false);
            audit.VerificationFailed(callId, number, "send_failed");
            metrics.Verification(agent, "failed");
            return Answer(ToolOutcomeKind.VerificationFailed, CannotSendResponse);
        }

        audit.VerificationCodeSent(callId, number);
        metrics.Verification(agent, "code_sent");
        return Answer(ToolOutcomeKind.VerificationRequired, CodeSentResponse);
    }

    private (ToolOutcomeKind, FunctionResult) Locked(string callId, string? caller, string scope)
    {
        audit.VerificationLocked(callId, caller, scope);
        metrics.Verification(agent, "locked");
        return Answer(ToolOutcomeKind.VerificationFailed, LockedResponse);
    }

    private (ToolOutcomeKind, FunctionResult) Unavailable(string callId, string? caller, string reason)
    {
        audit.VerificationFailed(callId, caller, reason);
        metrics.Verification(agent, "unavailable");
        return Answer(ToolOutcomeKind.VerificationFailed, UnavailableResponse);
    }

    private static (ToolOutcomeKind, FunctionResult) Answer(ToolOutcomeKind kind, string response) => (kind, new FunctionResult(response));

    private PartitionedRateLimiter<string> Limiter(string policy, int limit, TimeSpan window) =>
        limits.CreateFixedWindow($"{agent}:{policy}", limit, window);

    private static async ValueTask<bool> IsExhaustedAsync(PartitionedRateLimiter<string> limiter, string key, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(key, 0, cancellationToken).ConfigureAwait(false);
        return !lease.IsAcquired;
    }

    private byte[] DigestKey() => _digestKey ??= settings.Tokens.DeriveKey("verification-code");

    private string VerifiedKey(string callId) => $"{agent}:verified:{callId}";

    private string CodeKey(string callId) => $"{agent}:code:{callId}";
}
