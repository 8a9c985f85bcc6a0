namespace SignalWire.Agents.Verification;

/// <summary>
/// Delivers one-time verification codes (an SMS gateway, the SignalWire messaging API, ...). A failure
/// (an exception) is logged without the code and the AI is told the code could not be sent.
/// </summary>
public interface IOneTimeCodeSender
{
    /// <summary>Sends <paramref name="message"/> to <see cref="OneTimeCodeMessage.To"/>.</summary>
    ValueTask SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken);
}
