namespace SignalWire.Agents.Verification;

/// <summary>A one-time code to deliver by text message to the caller's own number (never to a number the AI chose).</summary>
/// <param name="To">The caller's number, in the form the platform reported it.</param>
/// <param name="Code">The code (digits, generated with a cryptographic random source). Never log it.</param>
/// <param name="Text">The message to send, with the code in it.</param>
/// <param name="ExpiresAt">When the code stops being accepted.</param>
/// <param name="Caller">The call it was requested on.</param>
public sealed record OneTimeCodeMessage(string To, string Code, string Text, DateTimeOffset ExpiresAt, CallerIdentity Caller)
{
    /// <summary>Leaves the code out, so that logging the message by accident does not leak it.</summary>
    public override string ToString() => $"OneTimeCodeMessage {{ To = {To}, ExpiresAt = {ExpiresAt:O} }}";
}
