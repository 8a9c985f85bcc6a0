using PhoneNumbers;

namespace SignalWire.Agents.Destinations;

/// <summary>
/// A resolved <see cref="DestinationPolicy"/>: decides whether a phone number, SIP URI or transfer target may be
/// used. Numbers are classified with Google's libphonenumber metadata (built from the national numbering plans):
/// premium-rate, shared-cost and personal numbers and the ITU global service codes are refused when
/// <see cref="BlockHighCostNumbers"/> is on, and so is a number that is not valid in its country.
/// </summary>
public sealed class DestinationRules
{
    /// <summary>Transfers and messages allowed per call unless configured.</summary>
    public const int DefaultCap = 5;

    private static readonly Lazy<PhoneNumberUtil> Numbers = new(PhoneNumberUtil.GetInstance);

    /// <summary>The policy the SDK enforces when none is configured: the high-cost blocks and the per-call caps, any country.</summary>
    public static DestinationRules Default { get; } = Create(new DestinationPolicy());

    private DestinationRules(IReadOnlyList<string> countries, IReadOnlyList<string> allowedPrefixes, IReadOnlyList<string> deniedPrefixes,
        IReadOnlyList<string> sipDomains, IReadOnlyList<string> transferHosts, IReadOnlyList<string> dataHosts, bool blockHighCost, int maxTransfers, int maxMessages)
    {
        AllowedDataHosts = dataHosts;
        AllowedCountries = countries;
        AllowedNumberPrefixes = allowedPrefixes;
        DeniedNumberPrefixes = deniedPrefixes;
        AllowedSipDomains = sipDomains;
        AllowedTransferHosts = transferHosts;
        BlockHighCostNumbers = blockHighCost;
        MaxTransfersPerCall = maxTransfers;
        MaxMessagesPerCall = maxMessages;
    }

    /// <summary>Countries numbers may be in (upper-case ISO codes).</summary>
    public IReadOnlyList<string> AllowedCountries { get; }

    /// <summary>E.164 prefixes numbers may start with.</summary>
    public IReadOnlyList<string> AllowedNumberPrefixes { get; }

    /// <summary>E.164 prefixes always refused.</summary>
    public IReadOnlyList<string> DeniedNumberPrefixes { get; }

    /// <summary>SIP domains allowed (empty: any).</summary>
    public IReadOnlyList<string> AllowedSipDomains { get; }

    /// <summary>Transfer URL hosts allowed (empty: any).</summary>
    public IReadOnlyList<string> AllowedTransferHosts { get; }

    /// <summary>Hosts a <c>tap</c> stream or a <c>pay</c> connector may send call audio or payment data to (empty: any).</summary>
    public IReadOnlyList<string> AllowedDataHosts { get; }

    /// <summary>Whether high-cost and invalid numbers are refused.</summary>
    public bool BlockHighCostNumbers { get; }

    /// <summary>Transfers allowed per call.</summary>
    public int MaxTransfersPerCall { get; }

    /// <summary>Text messages allowed per call.</summary>
    public int MaxMessagesPerCall { get; }

    /// <summary>Whether numbers are limited to chosen countries or prefixes (rather than any country).</summary>
    public bool HasNumberAllowList => AllowedCountries.Count > 0 || AllowedNumberPrefixes.Count > 0;

    /// <summary>
    /// Whether any rule restricts destinations (the high-cost block, or any list). While one does, SWML text the
    /// policy cannot read (YAML, broken JSON) is refused: what it would dial cannot be known.
    /// </summary>
    public bool IsActive => BlockHighCostNumbers || HasNumberAllowList || DeniedNumberPrefixes.Count > 0
        || AllowedSipDomains.Count > 0 || AllowedTransferHosts.Count > 0 || AllowedDataHosts.Count > 0;

    /// <summary>The rules of <paramref name="policy"/>; values it leaves <see langword="null"/> take the defaults.</summary>
    /// <exception cref="ArgumentException">A country, prefix, host or cap is not usable; the message names it.</exception>
    public static DestinationRules Create(DestinationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var countries = (policy.AllowedCountries ?? []).Select(c => c.Trim().ToUpperInvariant()).ToArray();
        foreach (var country in countries)
        {
            if (!Numbers.Value.GetSupportedRegions().Contains(country))
            {
                throw new ArgumentException($"Destination policy AllowedCountries: '{country}' is not an ISO 3166 country code with a telephone numbering plan (use e.g. US, GB, DE).", nameof(policy));
            }
        }

        return new DestinationRules(
            countries,
            Prefixes(policy.AllowedNumberPrefixes, nameof(DestinationPolicy.AllowedNumberPrefixes)),
            Prefixes(policy.DeniedNumberPrefixes, nameof(DestinationPolicy.DeniedNumberPrefixes)),
            Hosts(policy.AllowedSipDomains, nameof(DestinationPolicy.AllowedSipDomains)),
            Hosts(policy.AllowedTransferHosts, nameof(DestinationPolicy.AllowedTransferHosts)),
            Hosts(policy.AllowedDataHosts, nameof(DestinationPolicy.AllowedDataHosts)),
            policy.BlockHighCostNumbers ?? true,
            Cap(policy.MaxTransfersPerCall, nameof(DestinationPolicy.MaxTransfersPerCall)),
            Cap(policy.MaxMessagesPerCall, nameof(DestinationPolicy.MaxMessagesPerCall)));
    }

    /// <summary>
    /// The verbs in <paramref name="action"/> (a tool result's action, or any SWML) that reach the phone network
    /// (<c>connect</c>, <c>transfer</c>, <c>sip_refer</c>, <c>send_sms</c>, an <c>execute_rpc</c> <c>dial</c>), wherever
    /// they are nested; what the policy checks.
    /// </summary>
    public static IReadOnlyList<string> DialingVerbs(System.Text.Json.Nodes.JsonObject action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return [.. ActionDestinations.Find(action).Where(d => d.Kind != DialOutKind.DataSink).Select(d => d.Verb)];
    }

    /// <summary>Checks an E.164 phone number (<c>+</c> and digits; <c>tel:</c>, spaces, dots, hyphens and parentheses are ignored).</summary>
    public DestinationVerdict CheckNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var e164 = DestinationText.NormalizeNumber(number);
        if (e164 is null)
        {
            return DestinationVerdict.Refuse("not_e164");
        }

        foreach (var denied in DeniedNumberPrefixes)
        {
            if (e164.StartsWith(denied, StringComparison.Ordinal))
            {
                return DestinationVerdict.Refuse("denied_prefix");
            }
        }

        PhoneNumber parsed;
        try
        {
            parsed = Numbers.Value.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return DestinationVerdict.Refuse("invalid_number");
        }

        var region = Numbers.Value.GetRegionCodeForNumber(parsed);
        if (BlockHighCostNumbers)
        {
            if (region == "001")
            {
                return DestinationVerdict.Refuse("global_service");
            }

            if (!Numbers.Value.IsValidNumber(parsed))
            {
                return DestinationVerdict.Refuse("invalid_number");
            }

            switch (Numbers.Value.GetNumberType(parsed))
            {
                case PhoneNumberType.PREMIUM_RATE:
                    return DestinationVerdict.Refuse("premium_rate");
                case PhoneNumberType.SHARED_COST:
                    return DestinationVerdict.Refuse("shared_cost");
                case PhoneNumberType.PERSONAL_NUMBER:
                    return DestinationVerdict.Refuse("personal_number");
                case PhoneNumberType.UAN:
                    return DestinationVerdict.Refuse("high_cost");
            }
        }

        if (!HasNumberAllowList)
        {
            return DestinationVerdict.Pass;
        }

        if (region is not null && AllowedCountries.Contains(region))
        {
            return DestinationVerdict.Pass;
        }

        foreach (var prefix in AllowedNumberPrefixes)
        {
            if (e164.StartsWith(prefix, StringComparison.Ordinal))
            {
                return DestinationVerdict.Pass;
            }
        }

        return DestinationVerdict.Refuse("country_not_allowed");
    }

    /// <summary>
    /// Checks any destination an action can carry: a phone number, a <c>tel:</c> or <c>sip:</c>/<c>sips:</c> URI
    /// (its domain, and its user part when a trunk could dial it as a number), an http(s) or scheme-relative
    /// (<c>//host/…</c>) URL (a SWML transfer: its host), a SignalWire address (<c>/public/...</c>) or a section name.
    /// Unicode digits count as the digits they are. Anything else is refused.
    /// </summary>
    public DestinationVerdict Check(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var value = DestinationText.FoldDigits(destination.Trim());
        switch (DestinationText.Classify(value))
        {
            case DestinationKind.Number:
                return CheckNumber(value);
            case DestinationKind.Sip:
                return CheckSip(value);
            case DestinationKind.Url:
                return AllowedTransferHosts.Count == 0 || (DestinationText.UrlHost(value) is { } host && Security.HostPatterns.Matches(host, AllowedTransferHosts))
                    ? DestinationVerdict.Pass
                    : DestinationVerdict.Refuse("transfer_host_not_allowed");
            case DestinationKind.Internal:
                return DestinationVerdict.Pass;
            default:
                return DestinationVerdict.Refuse("unknown_destination");
        }
    }

    /// <summary>
    /// Checks where a <c>tap</c> streams call audio or a <c>pay</c> connector receives card data: with
    /// <see cref="AllowedDataHosts"/> set, the URI (<c>wss://</c>, <c>ws://</c>, <c>rtp://</c>, <c>https://</c>) must
    /// name one of them; unset, any URI passes. This guards against exfiltration, not toll fraud.
    /// </summary>
    public DestinationVerdict CheckDataSink(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (AllowedDataHosts.Count == 0)
        {
            return DestinationVerdict.Pass;
        }

        return DestinationText.UrlHost(uri.Trim()) is { } host && Security.HostPatterns.Matches(host, AllowedDataHosts)
            ? DestinationVerdict.Pass
            : DestinationVerdict.Refuse("data_host_not_allowed");
    }

    private DestinationVerdict CheckSip(string value)
    {
        var sip = SipAddress.Parse(value);
        if (sip is null || sip.IsAmbiguous)
        {
            return DestinationVerdict.Refuse("malformed_sip_uri");
        }

        if (sip.Host is not { } domain || (AllowedSipDomains.Count > 0 && !Security.HostPatterns.Matches(domain, AllowedSipDomains)))
        {
            return DestinationVerdict.Refuse("sip_domain_not_allowed");
        }

        return sip.User is { } user && DestinationText.MayDialAsNumber(user) ? CheckNumber(user) : DestinationVerdict.Pass;
    }

    private static string[] Prefixes(IEnumerable<string>? prefixes, string name) =>
        [.. (prefixes ?? []).Select(p => DestinationText.NormalizeNumber(p) ?? throw new ArgumentException(
            $"Destination policy {name}: '{p}' is not an E.164 prefix (a '+' and up to 15 digits, e.g. +1 or +4420).", nameof(prefixes)))];

    private static string[] Hosts(IEnumerable<string>? hosts, string name) =>
        [.. (hosts ?? []).Select(h => h.Trim().ToLowerInvariant()).Select(h => Uri.CheckHostName(h.StartsWith("*.", StringComparison.Ordinal) ? h[2..] : h) is UriHostNameType.Dns or UriHostNameType.IPv4
            ? h
            : throw new ArgumentException($"Destination policy {name}: '{h}' is not a host name (use e.g. example.com or *.example.com).", nameof(hosts)))];

    private static int Cap(int? value, string name) =>
        value is < 0 ? throw new ArgumentException($"Destination policy {name} must be 0 or more (got {value}).", nameof(value)) : value ?? DefaultCap;
}
