using System.Collections.Frozen;
using System.Threading.RateLimiting;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.AspNetCore.Security;

/// <summary>
/// One agent's limiters, each partitioned where abuse comes from: tool calls per caller per tool, failed
/// authentications per client IP, and the opt-in overall ceiling per client IP. No global bucket exists,
/// so a noisy caller or address only exhausts its own budget.
/// </summary>
internal sealed class AgentRateLimits : IDisposable
{
    private readonly IRateLimitStore _store;
    private readonly string _agent;
    private readonly Lock _gate = new();
    private FrozenDictionary<string, PartitionedRateLimiter<string>> _tools = FrozenDictionary<string, PartitionedRateLimiter<string>>.Empty;

    public AgentRateLimits(IRateLimitStore store, AgentSettings settings)
    {
        _store = store;
        _agent = settings.Name;
        AuthFailures = store.CreateFixedWindow($"{_agent}:auth-failures", settings.AuthFailureLimit, TimeSpan.FromMinutes(1));
        PerIp = settings.RateLimitPerMinute is { } perMinute ? store.CreateFixedWindow($"{_agent}:ip", perMinute, TimeSpan.FromMinutes(1)) : null;
    }

    /// <summary>Counts failed authentications per IP.</summary>
    public PartitionedRateLimiter<string> AuthFailures { get; }

    /// <summary>The opt-in per-IP ceiling, or <see langword="null"/>.</summary>
    public PartitionedRateLimiter<string>? PerIp { get; }

    /// <summary>The per-caller limiter of <paramref name="tool"/>, created on first use (tools can be added while serving).</summary>
    public PartitionedRateLimiter<string>? For(ToolDefinition tool)
    {
        if (tool.Options.RateLimit is not { } limit)
        {
            return null;
        }

        if (_tools.TryGetValue(tool.Name, out var limiter))
        {
            return limiter;
        }

        lock (_gate)
        {
            if (!_tools.TryGetValue(tool.Name, out limiter))
            {
                limiter = _store.CreateFixedWindow($"{_agent}:tool:{tool.Name}", limit.PermitLimit, limit.Window);
                _tools = new Dictionary<string, PartitionedRateLimiter<string>>(_tools) { [tool.Name] = limiter }.ToFrozenDictionary(StringComparer.Ordinal);
            }

            return limiter;
        }
    }

    /// <summary>Seconds until <paramref name="lease"/>'s limiter has room again (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;

    public void Dispose()
    {
        AuthFailures.Dispose();
        PerIp?.Dispose();
        foreach (var limiter in _tools.Values)
        {
            limiter.Dispose();
        }
    }
}
