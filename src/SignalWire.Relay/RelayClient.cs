using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SignalWire.Relay.Calling;
using SignalWire.Relay.Messaging;

namespace SignalWire.Relay;

/// <summary>
/// A RELAY client: one WebSocket to SignalWire on which calls arrive (<see cref="OnCall"/>) and are placed
/// (<see cref="DialAsync"/>) and driven live, and messages are sent and received. <see cref="RunAsync"/> keeps it
/// connected: a lost socket is reconnected with backoff and the session resumed, so calls in progress carry on.
/// </summary>
public sealed partial class RelayClient : IAsyncDisposable
{
    private readonly RelayOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, RelayCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RelayCall>> _dials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RelayMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RelayCall, Task>> _callHandlers = new(StringComparer.Ordinal);
    private Func<RelayMessage, Task>? _messageHandler;
    private int _disposed;

    /// <summary>Creates the client; nothing connects until <see cref="ConnectAsync"/> or <see cref="RunAsync"/>.</summary>
    /// <exception cref="RelayConfigurationException">The options cannot connect.</exception>
    public RelayClient(RelayOptions options, ILogger<RelayClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Address = options.ResolveAddress();
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    /// <summary>The session's protocol, once connected (resumed after a reconnect).</summary>
    public string? Protocol { get; private set; }

    /// <summary>Whether a socket is connected and its session set up.</summary>
    public bool IsConnected => _connection is not null && _ready.Task.IsCompletedSuccessfully;

    /// <summary>Calls <paramref name="handler"/> for each inbound call on <paramref name="context"/> (<c>*</c>: any context).</summary>
    public RelayClient OnCall(string context, Func<RelayCall, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        _callHandlers[context] = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>Calls <paramref name="handler"/> for each inbound message.</summary>
    public RelayClient OnMessage(Func<RelayMessage, Task> handler)
    {
        _messageHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>Sends any request (<c>calling.*</c>, <c>messaging.*</c>, <c>signalwire.*</c>) and returns its result; waits for a connection first.</summary>
    /// <exception cref="RelayException">An error answer, no answer in time, or no connection in time.</exception>
    public async Task<JsonObject> ExecuteAsync(string method, JsonObject parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await connection.RequestAsync(method, parameters, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RelayException ex) when (ex.Code == "timeout")
        {
            // A request with no answer means a half-open socket: drop it, so the session reconnects.
            await connection.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts receiving inbound calls and messages on more <paramref name="contexts"/>.</summary>
    public Task ReceiveAsync(IEnumerable<string> contexts, CancellationToken cancellationToken = default) =>
        ExecuteAsync("signalwire.receive", new JsonObject { ["contexts"] = Contexts(contexts) }, cancellationToken);

    /// <summary>Stops receiving on <paramref name="contexts"/>.</summary>
    public Task UnreceiveAsync(IEnumerable<string> contexts, CancellationToken cancellationToken = default) =>
        ExecuteAsync("signalwire.unreceive", new JsonObject { ["contexts"] = Contexts(contexts) }, cancellationToken);

    /// <summary>
    /// Places a call to <paramref name="devices"/> (see <see cref="Device"/>: the outer list is tried in turn, each
    /// inner list rung at once) and returns it once answered.
    /// </summary>
    /// <exception cref="RelayException">Nobody answered (<c>Code</c> <c>failed</c>), or the request failed.</exception>
    public async Task<RelayCall> DialAsync(IEnumerable<IEnumerable<JsonObject>> devices, string? tag = null, int? maxDuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(devices);
        tag ??= Guid.NewGuid().ToString();
        var answered = new TaskCompletionSource<RelayCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dials[tag] = answered;
        try
        {
            var parameters = new JsonObject { ["tag"] = tag, ["devices"] = Device.Plan(devices) };
            if (maxDuration is { } minutes)
            {
                parameters["max_duration"] = minutes;
            }

            await ExecuteAsync("calling.dial", parameters, cancellationToken).ConfigureAwait(false);
            return await answered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _dials.TryRemove(tag, out _);
        }
    }

    /// <summary>Sends an SMS or MMS; its state changes arrive on the returned message.</summary>
    /// <exception cref="ArgumentException">Neither a body nor media.</exception>
    public async Task<RelayMessage> SendMessageAsync(string from, string to, string? body = null, IEnumerable<string>? media = null, string? context = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var mediaList = media?.ToList() ?? [];
        if (string.IsNullOrEmpty(body) && mediaList.Count == 0)
        {
            throw new ArgumentException("A message needs a body, media or both.", nameof(body));
        }

        var parameters = new JsonObject { ["context"] = context ?? Protocol ?? "default", ["to_number"] = to, ["from_number"] = from };
        if (!string.IsNullOrEmpty(body))
        {
            parameters["body"] = body;
        }

        if (mediaList.Count > 0)
        {
            parameters["media"] = new JsonArray([.. mediaList.Select(m => (JsonNode)m)]);
        }

        if (tags?.ToList() is { Count: > 0 } tagList)
        {
            parameters["tags"] = new JsonArray([.. tagList.Select(t => (JsonNode)t)]);
        }

        var result = await ExecuteAsync("messaging.send", parameters, cancellationToken).ConfigureAwait(false);
        var message = new RelayMessage(result["message_id"]?.GetValue<string>() ?? string.Empty, "outbound", from, to, body, mediaList, "queued");
        if (message.Id.Length > 0)
        {
            _messages[message.Id] = message;
        }

        return message;
    }

    /// <summary>Closes the connection and stops reconnecting (once; later calls do nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_connection is { } connection)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() => $"RelayClient {{ Address = {Address}, Protocol = {Protocol}, Connected = {IsConnected} }}";

    private static JsonArray Contexts(IEnumerable<string> contexts) => new([.. (contexts ?? throw new ArgumentNullException(nameof(contexts))).Select(c => (JsonNode)c)]);
}
