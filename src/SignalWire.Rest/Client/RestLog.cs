using Microsoft.Extensions.Logging;

namespace SignalWire.Rest;

/// <summary>What the REST client logs: method and path (never the query, headers, body or credentials), status and request id.</summary>
internal static partial class RestLog
{
    [LoggerMessage(4000, LogLevel.Warning, "SignalWire API {Method} {Path} answered {Status} (request id {RequestId})")]
    public static partial void Failed(ILogger logger, string method, string path, int status, string? requestId);

    [LoggerMessage(4001, LogLevel.Warning, "SignalWire API {Method} {Path} got no answer: {Reason}")]
    public static partial void NoAnswer(ILogger logger, string method, string path, string reason);
}
