using System.Globalization;
using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>Turns <see cref="RedisOptions"/> into StackExchange.Redis configuration.</summary>
internal static class RedisConnection
{
    public static ConfigurationOptions Parse(RedisOptions options)
    {
        var raw = options.Configuration ?? Environment.GetEnvironmentVariable(RedisOptions.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new AgentConfigurationException(
                $"Redis is enabled but no server is configured: set {RedisOptions.EnvironmentVariable} (e.g. redis://redis:6379) or RedisOptions.Configuration."
                + (Environment.GetEnvironmentVariable("REDIS_URL") is { Length: > 0 } ? " REDIS_URL is set, but this SDK does not read it." : string.Empty));
        }

        ConfigurationOptions config;
        if (raw.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new AgentConfigurationException($"{RedisOptions.EnvironmentVariable} is not a valid redis:// URL.");
            }

            config = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            config.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
            var userInfo = Uri.UnescapeDataString(uri.UserInfo);
            if (userInfo.Length > 0)
            {
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                config.User = colon > 0 ? userInfo[..colon] : null;
                config.Password = colon >= 0 ? userInfo[(colon + 1)..] : userInfo;
            }

            if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
            {
                config.DefaultDatabase = int.TryParse(db, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new AgentConfigurationException($"{RedisOptions.EnvironmentVariable}: '{db}' is not a database number.");
            }
        }
        else
        {
            try
            {
                config = ConfigurationOptions.Parse(raw);
            }
            catch (ArgumentException ex)
            {
                throw new AgentConfigurationException($"The Redis configuration is invalid: {ex.Message}", ex);
            }
        }

        // Start even when Redis is down (readiness reports it) and reconnect on its own; never wait long.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        config.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        config.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        config.ConnectRetry = 1;
        config.ClientName ??= "signalwire-agents";
        return config;
    }
}
