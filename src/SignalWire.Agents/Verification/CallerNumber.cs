using PhoneNumbers;
using SignalWire.Agents.Destinations;

namespace SignalWire.Agents.Verification;

/// <summary>
/// The one key a caller is counted under, whatever spelling the platform (or a spoofer) gave: every per-caller
/// limit, lockout and verification budget reads the caller through <see cref="Normalize"/>, once, before any lookup.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Numbers become E.164 (<c>+15550003333</c>): <c>tel:</c> and a SIP URI's user part are unwrapped, Unicode
/// digits read as ASCII, visual separators (<c> -.()/</c>) dropped, and a number written without <c>+</c> is read
/// with its country code (<c>15550003333</c>, <c>1-555-000-3333</c>), as the platform sends numbers. Google's
/// libphonenumber then writes it in its canonical form (a national trunk prefix after the country code, as in
/// <c>+44 (0)20…</c>, is dropped).</item>
/// <item>A SIP caller whose user part is not a number is keyed as <c>sip:user@host</c>, lower case.</item>
/// <item>Anything else (no caller ID, <c>anonymous</c>, text, a malformed URI, more than 15 digits) has no number:
/// <see langword="null"/>, which the limits count under one shared key (<see cref="NoNumberKey"/>) with its own,
/// separate budget, so withholding or garbling the number never escapes counting.</item>
/// </list>
/// </remarks>
public static class CallerNumber
{
    /// <summary>The key every caller without a usable number is counted under.</summary>
    public const string NoNumberKey = "(no caller number)";

    private static readonly Lazy<PhoneNumberUtil> Numbers = new(PhoneNumberUtil.GetInstance);

    /// <summary>The caller's key: E.164 for a number, <c>sip:user@host</c> for a named SIP caller, else <see langword="null"/>.</summary>
    public static string? Normalize(string? caller)
    {
        if (string.IsNullOrWhiteSpace(caller) || caller.Length > 256)
        {
            return null;
        }

        var text = DestinationText.FoldDigits(caller.Trim());
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1].Trim();
        }

        if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            var sip = SipAddress.Parse(text);
            if (sip is null || sip.IsAmbiguous || sip.User is not { } user || sip.Host is not { } host)
            {
                return null;
            }

            return DestinationText.MayDialAsNumber(user) || user.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
                ? Number(user)
                : string.Concat("sip:", user.ToLowerInvariant(), "@", host);
        }

        return Number(text);
    }

    /// <summary>Counts under <see cref="NoNumberKey"/> what <see cref="Normalize"/> finds no key for.</summary>
    public static string KeyOf(string? caller) => Normalize(caller) ?? NoNumberKey;

    private static string? Number(string text)
    {
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var parameters = text.IndexOf(';', StringComparison.Ordinal);
        if (parameters >= 0)
        {
            text = text[..parameters];
        }

        Span<char> digits = stackalloc char[16];
        digits[0] = '+';
        var count = 1;
        var value = text.AsSpan().Trim();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return null;
                }

                digits[count++] = c;
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' or '/' || (c == '+' && count == 1 && i == 0)))
            {
                return null;
            }
        }

        if (count < 4)
        {
            return null;
        }

        var e164 = new string(digits[..count]);
        try
        {
            var parsed = Numbers.Value.Parse(e164, null);
            return Numbers.Value.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            // Not a number libphonenumber knows (an unassigned country code): the digits are still one caller.
            return e164;
        }
    }
}
