
namespace SignalWire.Agents.Tools;

/// <summary>A fixed-window limit: <paramref name="PermitLimit"/> calls per <paramref name="Window"/>.</summary>
/// <param name="PermitLimit">Calls allowed in each window (at least 1).</param>
/// <param name="Window">Window length.</param>
public sealed record ToolRateLimit(int PermitLimit, TimeSpan Window)
{
    /// <summary><paramref name="permits"/> calls per minute.</summary>
    public static ToolRateLimit PerMinute(int permits) => new(permits, TimeSpan.FromMinutes(1));
}
