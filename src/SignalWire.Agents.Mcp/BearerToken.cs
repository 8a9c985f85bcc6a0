using System.Security.Cryptography;
using System.Text;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Mcp;

/// <summary>Checks <c>Authorization: Bearer …</c> against one token: SHA-256 digests compared in constant time, so neither length nor content leaks through timing.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The credential check for <paramref name="token"/>.</summary>
    /// <exception cref="AgentConfigurationException">The token is shorter than <see cref="AgentMcpOptions.MinimumBearerTokenLength"/> or has whitespace.</exception>
    public static AgentCredentialCheck For(string agent, string token)
    {
        if (token.Length < AgentMcpOptions.MinimumBearerTokenLength || token.Any(char.IsWhiteSpace))
        {
            throw new AgentConfigurationException(
                $"Agent '{agent}': the MCP bearer token ({AgentMcpOptions.BearerTokenVariable}) must be at least {AgentMcpOptions.MinimumBearerTokenLength} characters without spaces.");
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return new AgentCredentialCheck(authorization => Matches(expected, authorization), "Bearer realm=\"SignalWire Agent\"");
    }

    private static bool Matches(byte[] expected, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = authorization.AsSpan(Scheme.Length).Trim();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetMaxByteCount(presented.Length) <= 1024 ? stackalloc byte[1024] : new byte[Encoding.UTF8.GetMaxByteCount(presented.Length)];
        var length = Encoding.UTF8.GetBytes(presented, bytes);
        SHA256.HashData(bytes[..length], digest);
        return CryptographicOperations.FixedTimeEquals(digest, expected);
    }
}
