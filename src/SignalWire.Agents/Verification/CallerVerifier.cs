namespace SignalWire.Agents.Verification;

/// <summary>
/// How a caller proves who they are to <c>verify_caller</c>: a secret the application already holds (a PIN or a
/// passphrase), or a one-time code the SDK generates and sends by text message to the number calling.
/// </summary>
public abstract class CallerVerifier
{
    private protected CallerVerifier()
    {
    }

    /// <summary>The method's name in the audit trail (<c>secret</c>, <c>one_time_code</c>).</summary>
    public abstract string Method { get; }

    /// <summary>
    /// The caller gives a secret the application holds: <paramref name="lookup"/> returns it for the caller
    /// (typically by <see cref="CallerIdentity.CallerNumber"/>), or <see langword="null"/> when there is none, which
    /// counts as a failed attempt. The comparison is constant-time and ignores case, spaces and hyphens (speech
    /// recognition writes "1234" as "12 34").
    /// </summary>
    public static CallerVerifier Secret(Func<CallerIdentity, CancellationToken, ValueTask<string?>> lookup) =>
        new SecretVerifier(lookup ?? throw new ArgumentNullException(nameof(lookup)));

    /// <summary>
    /// A one-time code sent by <paramref name="sender"/> to the number calling. The AI calls <c>verify_caller</c>
    /// without a code to send one, then with the code the caller reads back.
    /// </summary>
    public static CallerVerifier OneTimeCode(IOneTimeCodeSender sender) =>
        new OneTimeCodeVerifier(sender ?? throw new ArgumentNullException(nameof(sender)));

    /// <summary>A one-time code delivered by <paramref name="send"/> (see <see cref="OneTimeCode(IOneTimeCodeSender)"/>).</summary>
    public static CallerVerifier OneTimeCode(Func<OneTimeCodeMessage, CancellationToken, ValueTask> send) =>
        new OneTimeCodeVerifier(new DelegateSender(send ?? throw new ArgumentNullException(nameof(send))));

    private sealed class DelegateSender(Func<OneTimeCodeMessage, CancellationToken, ValueTask> send) : IOneTimeCodeSender
    {
        public ValueTask SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken) => send(message, cancellationToken);
    }
}

/// <summary>Verification by a secret the application looks up.</summary>
internal sealed class SecretVerifier(Func<CallerIdentity, CancellationToken, ValueTask<string?>> lookup) : CallerVerifier
{
    public override string Method => "secret";

    public Func<CallerIdentity, CancellationToken, ValueTask<string?>> Lookup { get; } = lookup;
}

/// <summary>Verification by a one-time code sent to the caller's number.</summary>
internal sealed class OneTimeCodeVerifier(IOneTimeCodeSender sender) : CallerVerifier
{
    public override string Method => "one_time_code";

    public IOneTimeCodeSender Sender { get; } = sender;
}
