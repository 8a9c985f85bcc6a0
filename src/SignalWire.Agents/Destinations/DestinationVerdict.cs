namespace SignalWire.Agents.Destinations;

/// <summary>Whether a destination passes a <see cref="DestinationRules"/>, and if not, why.</summary>
/// <param name="Allowed">Whether the destination may be used.</param>
/// <param name="Reason">
/// Why not: <c>not_e164</c>, <c>invalid_number</c>, <c>premium_rate</c>, <c>shared_cost</c>, <c>personal_number</c>,
/// <c>high_cost</c>, <c>global_service</c>, <c>denied_prefix</c>, <c>country_not_allowed</c>,
/// <c>sip_domain_not_allowed</c>, <c>transfer_host_not_allowed</c> or <c>unknown_destination</c>.
/// </param>
public readonly record struct DestinationVerdict(bool Allowed, string? Reason)
{
    /// <summary>The destination may be used.</summary>
    public static DestinationVerdict Pass => new(true, null);

    /// <summary>The destination is refused for <paramref name="reason"/>.</summary>
    public static DestinationVerdict Refuse(string reason) => new(false, reason);
}
