namespace SignalWire.Agents.Verification;

/// <summary>Who is asking to be verified, as the platform reported the call.</summary>
/// <param name="CallId">The call being verified.</param>
/// <param name="CallerNumber">The caller's number (<c>caller_id_num</c>); caller ID can be spoofed, which is why a code is asked for.</param>
/// <param name="CallerName">The caller's name (<c>caller_id_name</c>), when given.</param>
public sealed record CallerIdentity(string CallId, string? CallerNumber, string? CallerName);
