using System.Text.Json.Nodes;

namespace SignalWire.Rest.Messaging;

/// <summary>Messaging: send SMS and MMS (<c>/api/messaging/messages</c>), and read the message log (<c>/api/messaging/logs</c>).</summary>
public sealed class MessagesClient
{
    private readonly RestTransport _transport;

    internal MessagesClient(RestTransport transport) => _transport = transport;

    /// <summary>Sends a message.</summary>
    /// <exception cref="ArgumentException">Neither a body nor media.</exception>
    /// <exception cref="SignalWireApiException">The API refused it or did not answer.</exception>
    public Task<MessageInfo> SendAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Body) && request.Media is not { Count: > 0 })
        {
            throw new ArgumentException("A message needs a body, media or both.", nameof(request));
        }

        var body = new JsonObject { ["to"] = request.To, ["from"] = request.From };
        if (request.Body is not null)
        {
            body["body"] = request.Body;
        }

        if (request.Media is { Count: > 0 } media)
        {
            body["media"] = new JsonArray([.. media.Select(m => (JsonNode)m)]);
        }

        if (request.SendAsMms is { } mms)
        {
            body["send_as_mms"] = mms;
        }

        if (request.StatusCallback is not null)
        {
            body["status_callback"] = request.StatusCallback.ToString();
        }

        if (request.CustomVariables is { Count: > 0 } variables)
        {
            body["custom_variables"] = new JsonObject([.. variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]);
        }

        return _transport.SendAsync(HttpMethod.Post, "/api/messaging/messages", body, MessagingJsonContext.Default.MessageInfo, cancellationToken);
    }

    /// <summary>One message from the log.</summary>
    public Task<MessageInfo> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return _transport.SendAsync(HttpMethod.Get, "/api/messaging/logs/" + Uri.EscapeDataString(messageId), null, MessagingJsonContext.Default.MessageInfo, cancellationToken);
    }

    /// <summary>The message log, newest first, page after page as you read.</summary>
    public IAsyncEnumerable<MessageInfo> ListAsync(int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return _transport.ListAsync($"/api/messaging/logs?page_size={pageSize}", MessagingJsonContext.Default.MessageInfo, cancellationToken);
    }
}
