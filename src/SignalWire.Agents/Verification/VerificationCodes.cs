using System.Security.Cryptography;
using System.Text;

namespace SignalWire.Agents.Verification;

/// <summary>
/// Generating, normalising and comparing verification codes. Codes come from a cryptographic random source;
/// comparisons are over fixed-length digests, in constant time, so neither the content nor the length of the
/// expected value shows in timing.
/// </summary>
internal static class VerificationCodes
{
    /// <summary>A code of <paramref name="length"/> decimal digits, each drawn uniformly.</summary>
    public static string Generate(int length)
    {
        Span<char> digits = stackalloc char[length];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(digits);
    }

    /// <summary>The code as compared: without white space or hyphens, upper case (so "ab-12 3" equals "AB123").</summary>
    public static string Normalize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A keyed digest of <paramref name="code"/> for <paramref name="callId"/> (hex), which is what a store keeps instead of the code.</summary>
    public static string Digest(ReadOnlySpan<byte> key, string callId, string code)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(callId + "\n" + Normalize(code)), mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="given"/> equals <paramref name="expected"/> after normalising, in constant time over fixed-length digests.</summary>
    public static bool SecretsMatch(string given, string? expected)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(given)), a);
        // With no expected secret a digest is still compared, so an unknown caller takes as long as a known one.
        SHA256.HashData(Encoding.UTF8.GetBytes(expected is null ? "\0unknown" : Normalize(expected)), b);
        var equal = CryptographicOperations.FixedTimeEquals(a, b);
        return equal && expected is not null && Normalize(expected).Length > 0;
    }

    /// <summary>Whether two hex digests are equal, in constant time.</summary>
    public static bool DigestsMatch(string given, string stored) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(stored));
}
