using System.Buffers.Text;
using System.Security.Cryptography;

namespace SignalWire.Agents.Security;

/// <summary>Random secrets from the operating system's CSPRNG.</summary>
public static class SecretGenerator
{
    /// <summary>A 43-character URL-safe password carrying 256 bits of entropy.</summary>
    public static string NewPassword()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A new 256-bit key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
