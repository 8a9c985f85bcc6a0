namespace SignalWire.Agents.AspNetCore;

/// <summary>What a SIP routing callback decides on: an SWML fetch made to a SIP or tel URI.</summary>
/// <param name="To">The address the call was made to (<c>call.to</c>), e.g. <c>sip:sales@example.sip.signalwire.com</c>.</param>
/// <param name="UserPart">Its user part (<c>sales</c>), or the number of a tel URI.</param>
/// <param name="From">The caller, when given.</param>
/// <param name="CallId">The call, when given.</param>
/// <param name="ReceivedAt">The route the platform posted to.</param>
public sealed record SipRoutingRequest(string To, string UserPart, string? From, string? CallId, string ReceivedAt);
