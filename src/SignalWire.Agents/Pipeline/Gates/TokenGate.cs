using System.Net;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Pipeline;

/// <summary>
/// A secure tool's per-call token (and, when on, single use; <c>verify_caller</c> is never single-use, as a caller may
/// need several tries): a missing, forged, expired or replayed token is refused with 403, audited and counted. The
/// post-prompt URL is checked by the same rule.
/// </summary>
internal sealed class TokenGate(GateServices services) : ToolGate("signalwire.gate.token")
{
    public override bool AppliesTo(ToolCall call) => call.Tool.Secure;

    public override async ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken) =>
        await CheckAsync(call.Tool.Name, call.Token, call.CallId, call.Client, oneTime: call.Verification is null, cancellationToken).ConfigureAwait(false)
            ? GateVerdict.Pass
            : GateVerdict.Stop("refused", ToolOutcome.Refused(ToolOutcomeKind.TokenRefused, 403, "Forbidden"));

    /// <summary>Checks <paramref name="token"/> for <paramref name="function"/> on <paramref name="callId"/>; a refusal is audited and counted.</summary>
    public async ValueTask<bool> CheckAsync(string function, string? token, string? callId, IPAddress? client, bool oneTime, CancellationToken cancellationToken)
    {
        var outcome = services.Settings.Tokens.Check(token, function, callId);
        string? reason = null;
        if (outcome == TokenCheck.Valid && oneTime && services.Settings.OneTimeTokens)
        {
            // Single use fails closed: if the store cannot confirm the token is fresh, it is refused.
            var recorded = SwaigTokenService.TryReadIdentity(token, out var id, out var expiresAt)
                ? await services.Nonces.RecordAsync($"{services.Name}:token:{id}", expiresAt, cancellationToken).ConfigureAwait(false)
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
        services.Audit.TokenRefused(eventName, function, callId, client, reason);
        services.Metrics.TokenFailure(services.Name, function, reason);
        return false;
    }
}
