namespace SignalWire.Agents.Verification;

/// <summary>Limits and wording of caller verification; the defaults suit a phone conversation.</summary>
public sealed class CallerVerificationOptions
{
    /// <summary>Whether tools that do not set <see cref="Tools.ToolOptions.RequiresVerifiedCaller"/> need a verified caller; default no.</summary>
    public bool RequiredByDefault { get; set; }

    /// <summary>Wrong codes allowed on one call before verification is locked for the rest of it; default 3.</summary>
    public int MaxAttemptsPerCall { get; set; } = 3;

    /// <summary>
    /// Wrong codes allowed for one caller number (however it is written), across calls and replicas, within <see cref="LockoutPeriod"/>
    /// before the number is locked out; default 5. This is what stops guessing over many short calls.
    /// </summary>
    public int MaxFailuresPerCaller { get; set; } = 5;

    /// <summary>
    /// Wrong codes allowed, within <see cref="LockoutPeriod"/>, from all callers without a usable caller number
    /// together (withheld, text, malformed): they share one budget; default 10.
    /// </summary>
    public int MaxFailuresWithoutCallerNumber { get; set; } = 10;

    /// <summary>
    /// Wrong codes allowed from every caller of the agent together within <see cref="LockoutPeriod"/>; past it,
    /// verification is locked for everyone (audited as <c>verification_locked</c> with scope <c>agent</c>). This is
    /// what stops a shared PIN being guessed from many spoofed numbers; default 50.
    /// </summary>
    public int MaxFailuresPerAgent { get; set; } = 50;

    /// <summary>How long a locked-out caller number stays locked (the window failures are counted in); default 15 minutes.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a verified call stays verified (at most the call's life); default 4 hours.</summary>
    public TimeSpan VerifiedLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Digits in a one-time code, 4 to 10; default 6.</summary>
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a one-time code is accepted; default 5 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One-time codes sent on one call; default 3.</summary>
    public int MaxCodesPerCall { get; set; } = 3;

    /// <summary>One-time codes sent to one number within <see cref="LockoutPeriod"/>, across calls; default 5 (text messages cost money).</summary>
    public int MaxCodesPerCaller { get; set; } = 5;

    /// <summary>The text message, given the code; default "Your verification code is {code}. It expires in N minutes."</summary>
    public Func<string, string>? MessageText { get; set; }

    /// <summary>Checks every value; the exception names the property.</summary>
    internal CallerVerificationOptions Validated()
    {
        Positive(MaxAttemptsPerCall, nameof(MaxAttemptsPerCall));
        Positive(MaxFailuresPerCaller, nameof(MaxFailuresPerCaller));
        Positive(MaxFailuresWithoutCallerNumber, nameof(MaxFailuresWithoutCallerNumber));
        Positive(MaxFailuresPerAgent, nameof(MaxFailuresPerAgent));
        Positive(MaxCodesPerCall, nameof(MaxCodesPerCall));
        Positive(MaxCodesPerCaller, nameof(MaxCodesPerCaller));
        PositiveTime(LockoutPeriod, nameof(LockoutPeriod));
        PositiveTime(VerifiedLifetime, nameof(VerifiedLifetime));
        PositiveTime(CodeLifetime, nameof(CodeLifetime));
        if (CodeLength is < 4 or > 10)
        {
            throw new ArgumentException($"CallerVerificationOptions.{nameof(CodeLength)} must be 4 to 10 digits (got {CodeLength}).");
        }

        return (CallerVerificationOptions)MemberwiseClone();
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"CallerVerificationOptions.{name} must be at least 1 (got {value}).");
        }
    }

    private static void PositiveTime(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"CallerVerificationOptions.{name} must be positive (got {value}).");
        }
    }
}
