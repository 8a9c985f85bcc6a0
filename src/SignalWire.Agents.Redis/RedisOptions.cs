namespace SignalWire.Agents.Redis;

/// <summary>How the agents reach Redis.</summary>
public sealed class RedisOptions
{
    /// <summary>Environment variable read when <see cref="Configuration"/> is not set.</summary>
    public const string EnvironmentVariable = "SIGNALWIRE_REDIS_URL";

    /// <summary>
    /// <c>redis://[:password@]host[:port][/db]</c> (<c>rediss://</c> for TLS) or a StackExchange.Redis
    /// configuration string (<c>host:port,password=...</c>); default <c>SIGNALWIRE_REDIS_URL</c>.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the SDK writes (then the agent name), so several deployments can share a Redis.</summary>
    public string KeyPrefix { get; set; } = "signalwire";

    /// <summary>Longest a Redis operation may take before the SDK stops waiting (default 250 ms).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest the first connection attempt may take (default 2 s); the SDK keeps retrying in the background.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed operations in a row after which Redis is treated as down and no longer waited for (default 2).</summary>
    public int FailureThreshold { get; set; } = 2;

    /// <summary>How often Redis is probed while it is treated as down (default 1 s).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);
}
