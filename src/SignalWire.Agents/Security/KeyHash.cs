using System.Security.Cryptography;

namespace SignalWire.Agents.Security;

/// <summary>
/// A 64-bit hash of a string for the SDK's in-memory tables, started from a per-process random seed so that
/// which keys share a slot cannot be known in advance. Never 0 (tables use 0 for an empty slot).
/// </summary>
internal static class KeyHash
{
    /// <summary>A fresh random seed.</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>FNV-1a over the characters from <paramref name="seed"/>, then a full avalanche, so every bit (the stripe's top bits, the slot's low ones) depends on every character.</summary>
    public static ulong Of(string value, ulong seed)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash | 1;
    }
}
