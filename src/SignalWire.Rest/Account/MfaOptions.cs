namespace SignalWire.Rest.Account;

/// <summary>How a multi-factor code is made and sent.</summary>
public sealed record MfaOptions
{
    /// <summary>The text around the code.</summary>
    public string? Message { get; init; }

    /// <summary>The code's length.</summary>
    public int? TokenLength { get; init; }

    /// <summary>How long the code is valid.</summary>
    public TimeSpan? ValidFor { get; init; }

    /// <summary>Wrong attempts allowed.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Whether the code may contain letters.</summary>
    public bool? AllowAlphas { get; init; }
}
