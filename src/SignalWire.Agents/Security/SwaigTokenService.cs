using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SignalWire.Agents.Security;

/// <summary>
/// Mints and checks the per-function tokens that guard secure tools.
/// </summary>
/// <remarks>
/// A token is the URL-safe base64 of <c>version(1) | expiry(8, unix seconds, big-endian) | nonce(16) | mac(32)</c>.
/// The MAC is HMAC-SHA256 under a key derived (HKDF) from the configured secret, over the version, expiry,
/// nonce and the length-prefixed agent name, agent route, function name and call id. The agent, function and
/// call are therefore bound without being written into the URL, and no character in them (a '.', say) can
/// confuse parsing. Checks recompute the MAC and compare in constant time before looking at the expiry, and
/// refuse an expiry further away than this service's own lifetime (plus <see cref="ClockSkew"/>), so a token
/// from a service configured with a longer lifetime is not honoured for longer than this one would mint.
/// </remarks>
public sealed class SwaigTokenService
{
    private const byte Version = 2;
    private const int NonceLength = 16;
    private const int MacLength = 32;
    private const int TokenBytes = 1 + 8 + NonceLength + MacLength;

    /// <summary>Length of every token this service mints, in characters.</summary>
    public static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    /// <summary>How far another replica's clock may run ahead of this one's when it mints a token.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes("SignalWire.Agents/swaig-token/v1");

    [ThreadStatic]
    private static HmacContext? t_hmac;

    private readonly byte[] _key;
    private readonly byte[]? _previousKey;
    private readonly byte[] _agent;
    private readonly byte[] _route;
    private readonly TimeProvider _time;

    /// <summary>Creates the service for an agent served at the root route.</summary>
    /// <param name="secret">Shared secret (identical on every replica that must accept the tokens).</param>
    /// <param name="agentName">Agent the tokens belong to; tokens do not validate on another agent.</param>
    /// <param name="lifetime">How long a token stays valid.</param>
    /// <param name="time">Clock.</param>
    public SwaigTokenService(ReadOnlySpan<byte> secret, string agentName, TimeSpan lifetime, TimeProvider time)
        : this(secret, agentName, string.Empty, lifetime, time)
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="secret">Shared secret (identical on every replica that must accept the tokens).</param>
    /// <param name="agentName">Agent the tokens belong to.</param>
    /// <param name="route">The agent's normalised route (empty for the root); with the name it is the identity a token is bound to.</param>
    /// <param name="lifetime">How long a token stays valid.</param>
    /// <param name="time">Clock.</param>
    public SwaigTokenService(ReadOnlySpan<byte> secret, string agentName, string route, TimeSpan lifetime, TimeProvider time)
        : this(secret, [], agentName, route, lifetime, time)
    {
    }

    /// <summary>
    /// Creates the service during a rotation: tokens are minted with <paramref name="secret"/>, and tokens minted
    /// with <paramref name="previousSecret"/> (empty for none) keep validating until they expire.
    /// </summary>
    /// <param name="secret">The current shared secret.</param>
    /// <param name="previousSecret">The secret being rotated out, or empty.</param>
    /// <param name="agentName">Agent the tokens belong to.</param>
    /// <param name="route">The agent's normalised route (empty for the root).</param>
    /// <param name="lifetime">How long a token stays valid.</param>
    /// <param name="time">Clock.</param>
    public SwaigTokenService(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> previousSecret, string agentName, string route, TimeSpan lifetime, TimeProvider time)
        : this(secret, previousSecret, previousSecretUntil: null, agentName, route, lifetime, time)
    {
    }

    /// <summary>
    /// Creates the service during a rotation that ends at <paramref name="previousSecretUntil"/>: from then on, tokens
    /// minted with <paramref name="previousSecret"/> are refused even while it is still configured.
    /// </summary>
    /// <param name="secret">The current shared secret.</param>
    /// <param name="previousSecret">The secret being rotated out, or empty.</param>
    /// <param name="previousSecretUntil">When the previous secret stops being accepted, or <see langword="null"/> for until it is removed.</param>
    /// <param name="agentName">Agent the tokens belong to.</param>
    /// <param name="route">The agent's normalised route (empty for the root).</param>
    /// <param name="lifetime">How long a token stays valid.</param>
    /// <param name="time">Clock.</param>
    public SwaigTokenService(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> previousSecret, DateTimeOffset? previousSecretUntil, string agentName, string route, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(agentName);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(time);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The token secret must not be empty.", nameof(secret));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, salt: [], info: KeyInfo);
        _previousKey = previousSecret.IsEmpty ? null : HKDF.DeriveKey(HashAlgorithmName.SHA256, previousSecret.ToArray(), 32, salt: [], info: KeyInfo);
        PreviousSecretUntil = _previousKey is null ? null : previousSecretUntil;
        _agent = Encoding.UTF8.GetBytes(agentName);
        _route = Encoding.UTF8.GetBytes(route);
        Lifetime = lifetime;
        _time = time;
    }

    /// <summary>How long a minted token stays valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Whether tokens minted with a previous secret are still accepted (a rotation is under way and has not expired).</summary>
    public bool AcceptsPreviousSecret => _previousKey is not null && !PreviousSecretExpired;

    /// <summary>Whether a previous secret is configured at all (whether or not its expiry has passed).</summary>
    public bool HasPreviousSecret => _previousKey is not null;

    /// <summary>When the previous secret stops being accepted, or <see langword="null"/> (none, or until it is removed).</summary>
    public DateTimeOffset? PreviousSecretUntil { get; }

    private bool PreviousSecretExpired => PreviousSecretUntil is { } until && _time.GetUtcNow() >= until;

    /// <summary>
    /// A key for another purpose (<paramref name="purpose"/>, e.g. digests of verification codes), derived from the
    /// current secret, so it is the same on every replica sharing the secret and unrelated to the token key.
    /// </summary>
    internal byte[] DeriveKey(string purpose) =>
        HKDF.Expand(HashAlgorithmName.SHA256, _key, 32, System.Text.Encoding.UTF8.GetBytes("signalwire-agents/" + purpose));

    /// <summary>Mints a token for <paramref name="functionName"/> on call <paramref name="callId"/>.</summary>
    public string Mint(string functionName, string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        Span<char> token = stackalloc char[TokenLength];
        MintTo(functionName, callId, token);
        return new string(token);
    }

    /// <summary>Mints a token into <paramref name="destination"/> (at least <see cref="TokenLength"/> characters) without allocating.</summary>
    internal void MintTo(ReadOnlySpan<char> functionName, ReadOnlySpan<char> callId, Span<char> destination)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = Version;
        var expiry = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(1, 8), expiry);
        RandomBytes.Fill(token.Slice(9, NonceLength));
        ComputeMac(_key, token[..(TokenBytes - MacLength)], functionName, callId, token[(TokenBytes - MacLength)..]);
        Base64Url.EncodeToChars(token, destination);
    }

    /// <summary>Checks <paramref name="token"/> for <paramref name="functionName"/> on call <paramref name="callId"/>.</summary>
    public TokenCheck Check(ReadOnlySpan<char> token, string functionName, string? callId)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (token.IsEmpty)
        {
            return TokenCheck.Missing;
        }

        Span<byte> decoded = stackalloc byte[TokenBytes];
        if (token.Length != TokenLength
            || Base64Url.DecodeFromChars(token, decoded, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written != TokenBytes || decoded[0] != Version)
        {
            return TokenCheck.Malformed;
        }

        if (string.IsNullOrEmpty(callId))
        {
            return TokenCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        ComputeMac(_key, decoded[..(TokenBytes - MacLength)], functionName, callId, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, decoded[(TokenBytes - MacLength)..]))
        {
            // Minted before a rotation? Then it was made with the previous secret.
            if (_previousKey is null || PreviousSecretExpired)
            {
                return TokenCheck.Invalid;
            }

            ComputeMac(_previousKey, decoded[..(TokenBytes - MacLength)], functionName, callId, expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, decoded[(TokenBytes - MacLength)..]))
            {
                return TokenCheck.Invalid;
            }
        }

        var expiry = BinaryPrimitives.ReadInt64BigEndian(decoded.Slice(1, 8));
        var now = _time.GetUtcNow();
        if (expiry > now.Add(Lifetime + ClockSkew).ToUnixTimeSeconds())
        {
            // Genuine, but minted with a longer lifetime than this service honours.
            return TokenCheck.Invalid;
        }

        return now.ToUnixTimeSeconds() >= expiry ? TokenCheck.Expired : TokenCheck.Valid;
    }

    /// <summary>
    /// The identity (its nonce) and expiry of a well-formed token, for single-use bookkeeping. Call only
    /// after <see cref="Check"/> returned <see cref="TokenCheck.Valid"/>.
    /// </summary>
    public static bool TryReadIdentity(ReadOnlySpan<char> token, out string id, out DateTimeOffset expiresAt)
    {
        id = string.Empty;
        expiresAt = default;
        Span<byte> decoded = stackalloc byte[TokenBytes];
        if (token.Length != TokenLength || Base64Url.DecodeFromChars(token, decoded, out _, out var written) != System.Buffers.OperationStatus.Done || written != TokenBytes)
        {
            return false;
        }

        id = Base64Url.EncodeToString(decoded.Slice(9, NonceLength));
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(decoded.Slice(1, 8)));
        return true;
    }

    private void ComputeMac(byte[] key, ReadOnlySpan<byte> header, ReadOnlySpan<char> functionName, ReadOnlySpan<char> callId, Span<byte> destination)
    {
        // The message is header | len(agent) agent | len(route) route | len(function) function | len(call) call, built on the
        // stack when it fits so that the one-shot HMAC needs no allocation.
        var size = header.Length + 16 + _agent.Length + _route.Length + Encoding.UTF8.GetMaxByteCount(functionName.Length) + Encoding.UTF8.GetMaxByteCount(callId.Length);
        var rented = size > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(size) : null;
        var message = rented ?? stackalloc byte[1024];
        try
        {
            header.CopyTo(message);
            var length = header.Length;
            length += WriteField(message[length..], _agent);
            length += WriteField(message[length..], _route);
            length += WriteField(message[length..], functionName);
            length += WriteField(message[length..], callId);
            if (ReferenceEquals(key, _key))
            {
                var hmac = ThreadHmac();
                hmac.AppendData(message[..length]);
                hmac.GetHashAndReset(destination);
            }
            else
            {
                // The previous key is used only for tokens minted before a rotation: no cached context for it.
                HMACSHA256.HashData(key, message[..length], destination);
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// This thread's HMAC context for this service's key. Reusing it (reset after each MAC) avoids fetching
    /// and freeing the algorithm and context on every call, which dominated the one-shot cost.
    /// </summary>
    private IncrementalHash ThreadHmac()
    {
        var cached = t_hmac;
        if (cached is not null && ReferenceEquals(cached.Key, _key))
        {
            return cached.Hmac;
        }

        cached?.Hmac.Dispose();
        cached = new HmacContext(_key, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
        t_hmac = cached;
        return cached.Hmac;
    }

    private static int WriteField(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, value.Length);
        value.CopyTo(destination[4..]);
        return 4 + value.Length;
    }

    private static int WriteField(Span<byte> destination, ReadOnlySpan<char> value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, written);
        return 4 + written;
    }

    private sealed record HmacContext(byte[] Key, IncrementalHash Hmac);
}
