namespace SignalWire.Agents.Security;

/// <summary>Result of <see cref="INonceStore.RecordAsync"/>.</summary>
public enum NonceOutcome
{
    /// <summary>The key was not known and is now recorded.</summary>
    Recorded,

    /// <summary>The key is already recorded.</summary>
    AlreadyUsed,

    /// <summary>The store could not decide; callers that protect something must fail closed.</summary>
    Unavailable,
}
