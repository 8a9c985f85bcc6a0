namespace SignalWire.Agents.Destinations;

/// <summary>
/// Where a tool's result may send the call or a message: every <c>connect</c>, SWML <c>transfer</c>,
/// <c>send_sms</c>, <c>sip_refer</c> and <c>execute_rpc</c> dial a handler returns is checked before the result
/// leaves, and an action that breaks the policy is removed (the AI is told, the event is audited). Values left
/// <see langword="null"/> fall back to the <c>SWML_*</c> variables, then to the defaults below.
/// </summary>
public sealed class DestinationPolicy
{
    /// <summary>Countries numbers may be in (ISO 3166 codes such as <c>US</c>, <c>GB</c>); with <see cref="AllowedNumberPrefixes"/> empty too, any country. Default <c>SWML_ALLOWED_COUNTRIES</c>.</summary>
    public IReadOnlyList<string>? AllowedCountries { get; set; }

    /// <summary>E.164 prefixes numbers may start with (<c>+1</c>, <c>+4420</c>), allowed besides <see cref="AllowedCountries"/>. Default <c>SWML_ALLOWED_NUMBER_PREFIXES</c>.</summary>
    public IReadOnlyList<string>? AllowedNumberPrefixes { get; set; }

    /// <summary>E.164 prefixes that are always refused, checked first. Default <c>SWML_DENIED_NUMBER_PREFIXES</c>.</summary>
    public IReadOnlyList<string>? DeniedNumberPrefixes { get; set; }

    /// <summary>SIP domains a SIP URI may point at (exact, or <c>*.example.com</c>); empty: any domain. Default <c>SWML_ALLOWED_SIP_DOMAINS</c>.</summary>
    public IReadOnlyList<string>? AllowedSipDomains { get; set; }

    /// <summary>Hosts a SWML <c>transfer</c> to a URL may reach (exact, or <c>*.example.com</c>); empty: any host. Default <c>SWML_ALLOWED_TRANSFER_HOSTS</c>.</summary>
    public IReadOnlyList<string>? AllowedTransferHosts { get; set; }

    /// <summary>
    /// Hosts a <c>tap</c> may stream call audio to and a <c>pay</c> verb's <c>payment_connector_url</c> may post card
    /// data to (exact, or <c>*.example.com</c>); empty: any host. Default <c>SWML_ALLOWED_DATA_HOSTS</c>.
    /// </summary>
    public IReadOnlyList<string>? AllowedDataHosts { get; set; }

    /// <summary>
    /// Refuse premium-rate, shared-cost and personal numbers, numbers of the international global services
    /// (<c>+8xx</c>, <c>+979</c>) and numbers that are not valid in their country. Default
    /// <c>SWML_BLOCK_HIGH_COST_NUMBERS</c>, else on.
    /// </summary>
    public bool? BlockHighCostNumbers { get; set; }

    /// <summary>Transfers (<c>connect</c>, <c>transfer</c>, <c>sip_refer</c>, <c>execute_rpc</c> dial) per call; 0 allows none. Default <c>SWML_MAX_TRANSFERS_PER_CALL</c>, else 5.</summary>
    public int? MaxTransfersPerCall { get; set; }

    /// <summary>Text messages (<c>send_sms</c>) per call; 0 allows none. Default <c>SWML_MAX_MESSAGES_PER_CALL</c>, else 5.</summary>
    public int? MaxMessagesPerCall { get; set; }
}
