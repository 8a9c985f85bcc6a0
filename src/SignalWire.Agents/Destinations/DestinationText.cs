namespace SignalWire.Agents.Destinations;

/// <summary>Reading destination strings: numbers, SIP URIs, URLs and names.</summary>
internal static class DestinationText
{
    /// <summary>The number as <c>+digits</c> (at most 15), without <c>tel:</c> and visual separators; <see langword="null"/> when it is not E.164.</summary>
    public static string? NormalizeNumber(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[4..];
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        if (!value.StartsWith('+'))
        {
            return null;
        }

        Span<char> digits = stackalloc char[16];
        digits[0] = '+';
        var count = 1;
        foreach (var c in value.AsSpan(1))
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return null;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        return count > 1 ? new string(digits[..count]) : null;
    }

    /// <summary>Whether <paramref name="text"/> is written like a phone number (digits, with or without a leading +).</summary>
    public static bool LooksLikeNumber(string text)
    {
        var digits = CountDigits(text);
        return digits >= 3 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')');
    }

    public static DestinationKind Classify(string value)
    {
        if (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return DestinationKind.Sip;
        }

        if (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || LooksLikeNumber(value))
        {
            // A bare national number ("5551234567") is still a number: it fails as not E.164.
            return DestinationKind.Number;
        }

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return DestinationKind.Url;
        }

        var name = value.StartsWith('/') ? value[1..] : value;
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.') ? DestinationKind.Internal : DestinationKind.Unknown;
    }

    private static int CountDigits(string text) => text.Count(char.IsAsciiDigit);
}
