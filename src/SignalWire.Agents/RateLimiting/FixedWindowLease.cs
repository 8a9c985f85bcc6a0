using System.Threading.RateLimiting;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// A lease from a fixed-window limiter; a refused lease carries <c>RetryAfter</c>. Leases hold nothing to
/// release. For <see cref="IRateLimitStore"/> implementations (the Redis store uses it).
/// </summary>
/// <param name="acquired">Whether the permits were granted.</param>
/// <param name="retryAfter">When a refused request may try again.</param>
public sealed class FixedWindowLease(bool acquired, TimeSpan retryAfter) : RateLimitLease
{
    /// <summary>The shared granted lease.</summary>
    public static readonly FixedWindowLease Granted = new(true, TimeSpan.Zero);

    /// <inheritdoc />
    public override bool IsAcquired => acquired;

    /// <inheritdoc />
    public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

    /// <inheritdoc />
    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (!acquired && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
