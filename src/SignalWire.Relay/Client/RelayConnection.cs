using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Relay;

/// <summary>
/// One WebSocket to the server, speaking JSON-RPC 2.0 both ways: requests with pending answers, the server's own
/// requests handed to <c>onRequest</c>. When the socket closes, every pending request fails and <see cref="Closed"/>
/// completes.
/// </summary>
internal sealed class RelayConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<JsonObject, Task> _onRequest;
    private int _disposed;

    private RelayConnection(Func<JsonObject, Task> onRequest) => _onRequest = onRequest;

    /// <summary>Completes when the socket is gone.</summary>
    public Task Closed => _closed.Task;

    public static async Task<RelayConnection> OpenAsync(Uri address, Func<JsonObject, Task> onRequest, CancellationToken cancellationToken)
    {
        var connection = new RelayConnection(onRequest);
        connection._socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        try
        {
            await connection._socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _ = Task.Run(connection.ReceiveAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Sends a request and waits for its answer's <c>result</c>; a JSON-RPC error or no answer within <paramref name="timeout"/> throws.</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonObject parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }, cancellationToken).ConfigureAwait(false);
            return await answer.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new RelayException($"{method} got no answer within {timeout.TotalSeconds:0.#} s.", "timeout", ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Answers a server request.</summary>
    public Task ReplyAsync(JsonNode? id, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = new JsonObject() }, cancellationToken);

    /// <summary>Closes the socket (politely when it can); the connection is then disposed by its owner.</summary>
    public async Task CloseAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (_socket.State == WebSocketState.Open)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "closing", limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                Abort();
            }
        }
        else
        {
            Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _socket.Abort();
        await _stop.CancelAsync().ConfigureAwait(false);
        Fail(new RelayException("The RELAY connection closed.", "closed"));
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(SignalWire.Agents.Json.SwmlJson.ToJson(message));
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex)
        {
            throw new RelayException("The RELAY connection is not open.", "closed", ex);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.Length + received.Count > MaxMessageBytes)
                {
                    _socket.Abort();
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var frame = Parse(message);
                message.SetLength(0);
                if (frame is not null)
                {
                    await HandleAsync(frame).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; what follows fails the pending requests.
        }
        finally
        {
            Fail(new RelayException("The RELAY connection was lost.", "closed"));
            _closed.TrySetResult();
        }
    }

    private static JsonObject? Parse(MemoryStream message)
    {
        try
        {
            return JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task HandleAsync(JsonObject frame)
    {
        var id = frame.GetString("id");
        if (frame["method"] is not null)
        {
            await _onRequest(frame).ConfigureAwait(false);
            return;
        }

        if (id is null || !_pending.TryGetValue(id, out var pending))
        {
            return;
        }

        if (frame["error"] is JsonObject error)
        {
            var code = error["code"]?.ToJsonString();
            var text = error.GetString("message") ?? "error";
            pending.TrySetException(new RelayException($"The server refused the request: {text}", code));
        }
        else
        {
            pending.TrySetResult(frame["result"] as JsonObject ?? []);
        }
    }

    private void Abort()
    {
        try
        {
            _socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private void Fail(RelayException error)
    {
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(error);
        }
    }
}
