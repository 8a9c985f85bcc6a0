using System.Security.Cryptography;
using System.Text;

namespace SignalWire.Agents.Security;

/// <summary>
/// Checks the <c>X-SignalWire-Signature</c> (alias <c>X-Twilio-Signature</c>) of a webhook request.
/// </summary>
/// <remarks>
/// Two schemes are accepted. A: lowercase hex HMAC-SHA1 over the URL followed by the raw body (JSON
/// webhooks). B: base64 HMAC-SHA1 over the URL followed by the form parameters sorted by name, each as
/// name then value (compat webhooks); the URL is also tried with the default port added or removed, and a
/// <c>bodySHA256</c> query parameter must equal the SHA-256 of the body. Scheme B over the URL alone is
/// accepted for a non-empty body only when <c>bodySHA256</c> covers the body or when explicitly allowed,
/// because otherwise the body would be unauthenticated. All comparisons are constant-time.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>Checks <paramref name="signature"/> for a request to <paramref name="url"/> with <paramref name="body"/>.</summary>
    /// <param name="key">Signing key bytes.</param>
    /// <param name="signature">Header value.</param>
    /// <param name="url">The public URL the platform called (scheme, host, port, path, query; no credentials).</param>
    /// <param name="body">Raw request body.</param>
    /// <param name="isForm">Whether the body is <c>application/x-www-form-urlencoded</c>.</param>
    /// <param name="allowUrlOnly">Accept a scheme-B signature over the URL alone for a non-empty body.</param>
    public static bool IsValid(ReadOnlySpan<byte> key, string? signature, string url, ReadOnlySpan<byte> body, bool isForm, bool allowUrlOnly = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (key.IsEmpty || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        signature = signature.Trim();
        if (MatchesHex(key, signature, url, body))
        {
            return true;
        }

        Span<byte> expected = stackalloc byte[20];
        if (!Convert.TryFromBase64String(signature, expected, out var written) || written != 20)
        {
            return false;
        }

        var bodyHash = QueryValue(url, "bodySHA256");
        if (bodyHash is not null && !BodyHashMatches(bodyHash, body))
        {
            return false;
        }

        var parameters = isForm && bodyHash is null ? SortedFormParameters(body) : string.Empty;
        var urlOnlyAllowed = body.IsEmpty || bodyHash is not null || allowUrlOnly;
        foreach (var candidate in CandidateUrls(url))
        {
            if ((parameters.Length > 0 || urlOnlyAllowed) && MatchesBase64(key, expected, candidate + parameters))
            {
                return true;
            }

            if (parameters.Length > 0 && urlOnlyAllowed && MatchesBase64(key, expected, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scheme-A signature (lowercase hex) of <paramref name="url"/> + <paramref name="body"/>; for clients and tests.</summary>
    public static string ComputeHex(ReadOnlySpan<byte> key, string url, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(Hmac(key, url, body));

    /// <summary>The scheme-B signature (base64) of <paramref name="url"/> + sorted form parameters; for clients and tests.</summary>
    public static string ComputeBase64(ReadOnlySpan<byte> key, string url, ReadOnlySpan<byte> formBody) =>
        Convert.ToBase64String(Hmac(key, url + SortedFormParameters(formBody), []));

    private static bool MatchesHex(ReadOnlySpan<byte> key, string signature, string url, ReadOnlySpan<byte> body)
    {
        if (signature.Length != 40)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[20];
        if (Convert.FromHexString(signature, presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != 20)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hmac(key, url, body), presented);
    }

    private static bool MatchesBase64(ReadOnlySpan<byte> key, ReadOnlySpan<byte> presented, string message) =>
        CryptographicOperations.FixedTimeEquals(Hmac(key, message, []), presented);

    private static byte[] Hmac(ReadOnlySpan<byte> key, string prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool BodyHashMatches(string expectedHex, ReadOnlySpan<byte> body)
    {
        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(body, actual);
        Span<byte> expected = stackalloc byte[32];
        return expectedHex.Length == 64
            && Convert.FromHexString(expectedHex, expected, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The URL as given, plus the same URL with the scheme's default port added (when absent) or removed (when present).</summary>
    internal static IEnumerable<string> CandidateUrls(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : uri.Scheme == Uri.UriSchemeHttp ? 80 : -1;
        if (defaultPort < 0)
        {
            yield break;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], schemeEnd);
        var authority = authorityEnd < 0 ? url[schemeEnd..] : url[schemeEnd..authorityEnd];
        var rest = authorityEnd < 0 ? string.Empty : url[authorityEnd..];
        var host = uri.IsDefaultPort && !authority.EndsWith(":" + defaultPort, StringComparison.Ordinal) ? authority : null;
        if (host is not null)
        {
            yield return string.Concat(url[..schemeEnd], host, ":" + defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture), rest);
        }
        else if (authority.EndsWith(":" + defaultPort, StringComparison.Ordinal))
        {
            yield return string.Concat(url[..schemeEnd], authority[..(authority.Length - 1 - defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)], rest);
        }
    }

    private static string SortedFormParameters(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? string.Empty : Decode(part[(eq + 1)..]);
            pairs.Add((name, value));
        }

        // OrderBy is a stable sort: repeated names keep the order in which they were sent.
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append(value);
        }

        return builder.ToString();
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string? QueryValue(string url, string name)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return null;
        }

        foreach (var part in url[(q + 1)..].Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(name))
            {
                return Decode(part[(eq + 1)..]);
            }
        }

        return null;
    }
}
