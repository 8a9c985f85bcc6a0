using Microsoft.Extensions.Logging;

namespace SignalWire.Relay;

/// <summary>What the RELAY client logs: connection changes, never credentials or message bodies.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(5000, LogLevel.Information, "RELAY connected to {Host} (protocol {Protocol}, {Resumed})")]
    public static partial void Connected(ILogger logger, string host, string protocol, string resumed);

    [LoggerMessage(5001, LogLevel.Warning, "RELAY connection to {Host} lost; reconnecting in {Delay} ms")]
    public static partial void Reconnecting(ILogger logger, string host, long delay);

    [LoggerMessage(5002, LogLevel.Warning, "RELAY connection to {Host} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, string reason);

    [LoggerMessage(5003, LogLevel.Error, "RELAY handler for {What} failed")]
    public static partial void HandlerFailed(ILogger logger, string what, Exception exception);
}
