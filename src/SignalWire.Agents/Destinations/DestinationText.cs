namespace SignalWire.Agents.Destinations;

/// <summary>Reading destination strings: numbers, SIP URIs, URLs and names.</summary>
internal static class DestinationText
{
    private static readonly System.Buffers.SearchValues<char> DialCodes = System.Buffers.SearchValues.Create("+*#/:,");

    /// <summary>
    /// <paramref name="text"/> with every Unicode decimal digit written as its ASCII digit and the full-width plus
    /// sign as <c>+</c> (<c>＋１９００…</c> is <c>+1900…</c>): a carrier or SIP stack may read them that way, so the
    /// policy does too. Text without such characters is returned as it is, without allocating.
    /// </summary>
    public static string FoldDigits(string text)
    {
        var first = IndexOfFoldable(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                span[i] = Fold(span[i]);
            }
        });
    }

    private static int IndexOfFoldable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\x7f' && Fold(text[i]) != text[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static char Fold(char c) =>
        c == '\uFF0B' ? '+'
        : c > '\x7f' && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c))
        : c;

    /// <summary>The number as <c>+digits</c> (at most 15), without <c>tel:</c> and visual separators; <see langword="null"/> when it is not E.164.</summary>
    public static string? NormalizeNumber(string text)
    {
        var value = FoldDigits(text.Trim());
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

    /// <summary>
    /// Whether a SIP user part may be dialled as a number by the trunk it reaches: written like a number, or digits
    /// mixed with dial codes and separators (<c>*67+1900…</c>, <c>#31#+1…</c>, <c>+1/900/…</c>, <c>tel:+1…</c>).
    /// </summary>
    public static bool MayDialAsNumber(string user) =>
        LooksLikeNumber(user) || (CountDigits(user) >= 3 && user.AsSpan().IndexOfAny(DialCodes) >= 0);

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

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("//", StringComparison.Ordinal))
        {
            // "//host/path" is a URL relative to the scheme, not a path inside the space.
            return DestinationKind.Url;
        }

        var name = value.StartsWith('/') ? value[1..] : value;
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.') ? DestinationKind.Internal : DestinationKind.Unknown;
    }

    /// <summary>The host of an absolute or scheme-relative URL, lower case; <see langword="null"/> when there is none.</summary>
    public static string? UrlHost(string value)
    {
        var text = value.StartsWith("//", StringComparison.Ordinal) ? "https:" + value : value;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Host.Length > 0 ? url.IdnHost.ToLowerInvariant() : null;
    }

    private static int CountDigits(string text) => text.Count(char.IsAsciiDigit);
}
