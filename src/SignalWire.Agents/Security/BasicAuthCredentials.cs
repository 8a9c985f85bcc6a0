using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SignalWire.Agents.Security;

/// <summary>
/// The user name and password every webhook must present with HTTP Basic Auth. Each supplied field is
/// compared with the expected bytes in constant time over the expected length (padded or truncated, the
/// length compared separately), so the time depends only on the configured secret, never on how much of
/// a guess is right; the user name is checked even when the password is wrong.
/// </summary>
public sealed class BasicAuthCredentials
{
    /// <summary>User name used when none is configured.</summary>
    public const string DefaultUser = "signalwire";

    private const int MaxHeaderLength = 4096;

    private readonly byte[] _user;
    private readonly byte[] _password;
    private readonly byte[]? _previousPassword;
    private readonly TimeProvider _time;

    /// <summary>Creates credentials.</summary>
    /// <param name="username">User name; must not be empty or contain ':'.</param>
    /// <param name="password">Password; must not be empty.</param>
    /// <param name="source">Where they came from.</param>
    public BasicAuthCredentials(string username, string password, CredentialSource source)
        : this(username, password, previousPassword: null, source)
    {
    }

    /// <summary>Creates credentials during a rotation: <paramref name="previousPassword"/> is accepted too, until it is removed.</summary>
    /// <param name="username">User name; must not be empty or contain ':'.</param>
    /// <param name="password">The current password (the one put in webhook URLs); must not be empty.</param>
    /// <param name="previousPassword">The password being rotated out, or <see langword="null"/>.</param>
    /// <param name="source">Where they came from.</param>
    public BasicAuthCredentials(string username, string password, string? previousPassword, CredentialSource source)
        : this(username, password, previousPassword, previousPasswordUntil: null, source, TimeProvider.System)
    {
    }

    /// <summary>Creates credentials during a rotation whose previous password is accepted only until <paramref name="previousPasswordUntil"/>.</summary>
    /// <param name="username">User name; must not be empty or contain ':'.</param>
    /// <param name="password">The current password (the one put in webhook URLs); must not be empty.</param>
    /// <param name="previousPassword">The password being rotated out, or <see langword="null"/>; an empty string is refused (it would let a blank password in).</param>
    /// <param name="previousPasswordUntil">When the previous password stops being accepted, or <see langword="null"/> for until it is removed.</param>
    /// <param name="source">Where they came from.</param>
    /// <param name="time">The clock <paramref name="previousPasswordUntil"/> is read against.</param>
    public BasicAuthCredentials(string username, string password, string? previousPassword, DateTimeOffset? previousPasswordUntil, CredentialSource source, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(time);
        if (previousPassword is { Length: 0 })
        {
            throw new ArgumentException("A previous Basic Auth password must not be empty: leave it null when there is none.", nameof(previousPassword));
        }

        ArgumentException.ThrowIfNullOrEmpty(password);
        if (username.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic Auth user name cannot contain ':'.", nameof(username));
        }

        Username = username;
        Password = password;
        Source = source;
        _user = Encoding.UTF8.GetBytes(username);
        _password = Encoding.UTF8.GetBytes(password);
        _previousPassword = previousPassword is null ? null : Encoding.UTF8.GetBytes(previousPassword);
        PreviousPasswordUntil = _previousPassword is null ? null : previousPasswordUntil;
        _time = time;
        PreviousCredentials = previousPassword is null ? null : new BasicAuthCredentials(username, previousPassword, source);
    }

    /// <summary>Whether a previous password is still accepted (a rotation is under way and its expiry, if any, has not passed).</summary>
    public bool AcceptsPreviousPassword => _previousPassword is not null && !PreviousPasswordExpired;

    /// <summary>When the previous password stops being accepted, or <see langword="null"/> (none, or until it is removed).</summary>
    public DateTimeOffset? PreviousPasswordUntil { get; }

    /// <summary>
    /// The same user with the previous password as its password, or <see langword="null"/> when none is set: what a
    /// client that authenticated with the previous password gets back in webhook URLs, so a request made with the
    /// old password never learns the new one.
    /// </summary>
    public BasicAuthCredentials? PreviousCredentials { get; }

    private bool PreviousPasswordExpired => PreviousPasswordUntil is { } until && _time.GetUtcNow() >= until;

    /// <summary>The user name.</summary>
    public string Username { get; }

    /// <summary>The password. It goes into webhook URLs for the platform and is never logged.</summary>
    public string Password { get; }

    /// <summary>Where the credentials came from.</summary>
    public CredentialSource Source { get; }

    /// <summary>
    /// Checks an <c>Authorization</c> header value. Anything but a well-formed <c>Basic</c> header with
    /// matching user name and password is refused.
    /// </summary>
    public bool Verify(ReadOnlySpan<char> authorizationHeader) => Match(authorizationHeader) != CredentialMatch.None;

    /// <summary>
    /// Checks an <c>Authorization</c> header value and tells which password it carried: the current one, the previous
    /// one (while it is accepted), or neither. Both are always compared, so the time taken does not tell which matched.
    /// </summary>
    public CredentialMatch Match(ReadOnlySpan<char> authorizationHeader)
    {
        var value = authorizationHeader.Trim();
        if (value.Length is < 7 or > MaxHeaderLength || !value[..5].Equals("Basic", StringComparison.OrdinalIgnoreCase) || value[5] != ' ')
        {
            return CredentialMatch.None;
        }

        var encoded = value[6..].TrimStart(' ');
        var rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(encoded.Length));
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, rented, out var length))
            {
                return CredentialMatch.None;
            }

            var decoded = rented.AsSpan(0, length);
            var colon = decoded.IndexOf((byte)':');
            if (colon < 0 || !System.Text.Unicode.Utf8.IsValid(decoded))
            {
                return CredentialMatch.None;
            }

            var userOk = FixedTimeMatches(decoded[..colon], _user);
            var supplied = decoded[(colon + 1)..];
            var passwordOk = FixedTimeMatches(supplied, _password);
            // During a rotation both are always compared, so the time taken does not tell which one matched.
            var previousOk = _previousPassword is not null && FixedTimeMatches(supplied, _previousPassword) & !PreviousPasswordExpired;
            return !userOk ? CredentialMatch.None
                : passwordOk ? CredentialMatch.Current
                : previousOk ? CredentialMatch.Previous
                : CredentialMatch.None;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Compares over the expected length whatever was supplied, so the work never depends on the guess.</summary>
    private static bool FixedTimeMatches(ReadOnlySpan<byte> supplied, byte[] expected)
    {
        var rented = expected.Length > 256 ? ArrayPool<byte>.Shared.Rent(expected.Length) : null;
        var padded = (rented ?? stackalloc byte[256])[..expected.Length];
        try
        {
            padded.Clear();
            supplied[..Math.Min(supplied.Length, expected.Length)].CopyTo(padded);
            return CryptographicOperations.FixedTimeEquals(padded, expected) & (supplied.Length == expected.Length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The header value a client sends with these credentials.</summary>
    public string ToAuthorizationHeader() =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password));

    /// <summary>Never reveals the password.</summary>
    public override string ToString() => $"{Username}:***";
}
