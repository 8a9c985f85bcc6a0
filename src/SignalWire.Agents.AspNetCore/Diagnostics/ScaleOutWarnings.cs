using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>
/// Start-up warnings for a scale-out that is configured in a way that silently does nothing: a Redis URL under a
/// name this SDK does not read (<c>REDIS_URL</c> is what many platforms' templates use), or the SDK's own variable
/// set while no shared store is registered. Either way every replica would count limits and tokens on its own.
/// </summary>
internal static class ScaleOutWarnings
{
    /// <summary>The variable <c>AddSignalWireRedis</c> reads (the Redis package's <c>RedisOptions.EnvironmentVariable</c>).</summary>
    public const string RedisVariable = "SIGNALWIRE_REDIS_URL";

    /// <summary>Names that platforms and templates commonly use for a Redis URL, none of which this SDK reads.</summary>
    public static readonly string[] WellKnownWrongNames = ["REDIS_URL", "REDIS_CONNECTION_STRING", "REDIS_CONNECTIONSTRING", "REDIS_HOST", "REDISCLOUD_URL", "REDIS_TLS_URL"];

    /// <summary>Logs what <paramref name="environment"/> gets wrong, if anything; <paramref name="sharedStore"/> says whether a replica-shared store is registered.</summary>
    public static void Check(ILogger logger, string agent, Func<string, string?> environment, bool sharedStore)
    {
        var configured = !string.IsNullOrWhiteSpace(environment(RedisVariable));
        if (configured && !sharedStore)
        {
            Log.RedisVariableUnused(logger, agent, RedisVariable);
        }

        if (configured || sharedStore)
        {
            return;
        }

        foreach (var name in WellKnownWrongNames)
        {
            if (!string.IsNullOrWhiteSpace(environment(name)))
            {
                Log.RedisVariableMisnamed(logger, agent, name, RedisVariable);
            }
        }
    }
}
