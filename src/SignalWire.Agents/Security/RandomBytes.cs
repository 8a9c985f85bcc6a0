using System.Security.Cryptography;

namespace SignalWire.Agents.Security;

/// <summary>
/// Cryptographically secure random bytes, drawn from the OS CSPRNG in blocks per thread so that small
/// requests (a token's 16-byte nonce) do not each cost a system call. Bytes are handed out once and wiped.
/// </summary>
internal static class RandomBytes
{
    private const int BlockSize = 1024;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize / 4)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = t_block ??= new byte[BlockSize];
        if (t_used == 0 || t_used + destination.Length > BlockSize)
        {
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }

        var source = block.AsSpan(t_used, destination.Length);
        source.CopyTo(destination);
        CryptographicOperations.ZeroMemory(source);
        t_used += destination.Length;
    }
}
