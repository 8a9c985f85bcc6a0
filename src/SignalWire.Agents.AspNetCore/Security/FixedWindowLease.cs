using System.Threading.RateLimiting;

namespace SignalWire.Agents.AspNetCore;

/// <summary>A lease from a fixed-window limiter; refused leases carry <c>RetryAfter</c>. Leases hold nothing to release.</summary>
internal sealed class FixedWindowLease(bool acquired, TimeSpan retryAfter) : RateLimitLease
{
    /// <summary>The shared granted lease.</summary>
    public static readonly FixedWindowLease Granted = new(true, TimeSpan.Zero);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

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
