using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Logs;

/// <summary>Logs: messages, voice calls, faxes and conferences (list and get).</summary>
public sealed class LogsClient
{
    internal LogsClient(RestTransport transport)
    {
        Messages = new RestResource(transport, "/api/messaging/logs");
        Voice = new RestResource(transport, "/api/voice/logs");
        Fax = new RestResource(transport, "/api/fax/logs");
        Conferences = new RestResource(transport, "/api/logs/conferences");
    }

    /// <summary>Message logs.</summary>
    public RestResource Messages { get; }

    /// <summary>Voice call logs.</summary>
    public RestResource Voice { get; }

    /// <summary>Fax logs.</summary>
    public RestResource Fax { get; }

    /// <summary>Conference logs.</summary>
    public RestResource Conferences { get; }
}
