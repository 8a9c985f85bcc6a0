using System.Collections.Frozen;
using System.Threading.RateLimiting;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.RateLimiting;

/// <summary>
/// One agent's limiters, each partitioned where abuse comes from: tool calls per caller per tool, failed
/// authentications per client IP, and the opt-in overall ceiling per client IP. No global bucket exists,
/// so a noisy caller or address only exhausts its own budget.
/// </summary>
internal sealed class AgentRateLimits
{
    private readonly IRateLimitStore _store;
    private readonly string _agent;
    private readonly Lock _gate = new();
    private FrozenDictionary<string, PartitionedRateLimiter<string>> _tools = FrozenDictionary<string, PartitionedRateLimiter<string>>.Empty;

    public AgentRateLimits(IRateLimitStore store, AgentSettings settings)
    {
        _store = store;
        _agent = settings.Name;
        // Failures count per credential set, not per agent: agents that share a user name share one budget of
        // guesses per client, however many routes they are mapped on.
        AuthFailures = store.CreateFixedWindow($"auth-failures:{CredentialKey(settings.BasicAuth.Username)}", settings.AuthFailureLimit, TimeSpan.FromMinutes(1));
        NewCalls = settings.CallsPerCaller > 0 ? store.CreateFixedWindow($"{_agent}:calls", settings.CallsPerCaller, settings.CallsPerCallerWindow) : null;
        NewCallsWithoutNumber = settings.CallsWithoutCallerNumber > 0
            ? store.CreateFixedWindow($"{_agent}:calls-without-number", settings.CallsWithoutCallerNumber, settings.CallsPerCallerWindow)
            : null;
        PerIp = settings.RateLimitPerMinute is { } perMinute ? store.CreateFixedWindow($"{_agent}:ip", perMinute, TimeSpan.FromMinutes(1)) : null;
    }

    /// <summary>A short, stable name for the user name (the same on every replica), safe in a store key.</summary>
    private static string CredentialKey(string username)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(username), hash);
        return Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>Counts failed authentications per client IP, shared by every agent with the same user name.</summary>
    public PartitionedRateLimiter<string> AuthFailures { get; }

    /// <summary>New inbound calls per caller number, or <see langword="null"/> when unlimited.</summary>
    public PartitionedRateLimiter<string>? NewCalls { get; }

    /// <summary>New inbound calls without a usable caller number, all under one key, or <see langword="null"/> when unlimited.</summary>
    public PartitionedRateLimiter<string>? NewCallsWithoutNumber { get; }

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
}
