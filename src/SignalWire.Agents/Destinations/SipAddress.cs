namespace SignalWire.Agents.Destinations;

/// <summary>
/// What a <c>sip:</c> or <c>sips:</c> URI addresses: its user (percent-decoded, without user parameters or password)
/// and its host (lower case, without port or parameters); Unicode digits in the user part read as ASCII digits. The destination policy and SIP routing read URIs
/// through this one parser, so a number hidden as <c>sip:%2B1900…;isub=1@trunk</c> is seen as the number it is.
/// </summary>
/// <param name="User">The user part (<c>sales</c>, <c>+14155550100</c>), or <see langword="null"/> when there is none.</param>
/// <param name="Host">The host, or <see langword="null"/> when there is none or it is an IPv6 literal (never matched against host names).</param>
public sealed record SipAddress(string? User, string? Host)
{
    /// <summary>Parses <paramref name="value"/> (optionally in angle brackets); <see langword="null"/> when it is not a SIP URI.</summary>
    public static SipAddress? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        var scheme = text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? 4
            : text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) ? 5
            : -1;
        if (scheme < 0)
        {
            return null;
        }

        var rest = text[scheme..];
        var headers = rest.IndexOf('?', StringComparison.Ordinal);
        if (headers >= 0)
        {
            rest = rest[..headers];
        }

        string? user = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            // The user part may carry parameters (";isub=1", ";user=phone") and a password (":secret").
            var name = rest[..at];
            var end = name.IndexOfAny([';', ':']);
            user = DestinationText.FoldDigits(Uri.UnescapeDataString(end >= 0 ? name[..end] : name));
            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOf(';', StringComparison.Ordinal);
        if (hostEnd >= 0)
        {
            rest = rest[..hostEnd];
        }

        string? host = null;
        if (!rest.StartsWith('['))
        {
            var port = rest.IndexOf(':', StringComparison.Ordinal);
            host = (port >= 0 ? rest[..port] : rest).ToLowerInvariant();
        }

        return new SipAddress(string.IsNullOrEmpty(user) ? null : user, string.IsNullOrEmpty(host) ? null : host);
    }

    /// <summary>
    /// Whether the user part could be read two ways: it holds an <c>@</c> (a second one in the URI, or an encoded one)
    /// or a control character (<c>%00</c>). SIP stacks split such URIs differently, so the policy refuses them.
    /// </summary>
    internal bool IsAmbiguous => User is { } user && (user.Contains('@', StringComparison.Ordinal) || user.Any(char.IsControl));
}
