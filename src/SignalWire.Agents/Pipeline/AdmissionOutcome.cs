namespace SignalWire.Agents.Pipeline;

/// <summary>The decision, and for a 429 when to try again.</summary>
/// <param name="Decision">What was decided.</param>
/// <param name="RetryAfterSeconds">For a 429, the seconds until the client's budget has room again.</param>
/// <param name="WithPreviousCredential">
/// Admitted with the previous password of a rotation: the answer must not disclose the current one (webhook URLs
/// carry the password that was presented).
/// </param>
public readonly record struct AdmissionOutcome(Admission Decision, int RetryAfterSeconds = 0, bool WithPreviousCredential = false);
