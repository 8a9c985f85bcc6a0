using StackExchange.Redis;

namespace SignalWire.Agents.Redis;

/// <summary>Recognises the exceptions that mean "Redis could not answer in time".</summary>
internal static class RedisFailures
{
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException;
}
