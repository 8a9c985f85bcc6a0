using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SignalWire.Relay.Tests;

/// <summary>
/// A scripted RELAY server on 127.0.0.1 (Kestrel WebSockets): it answers requests through <see cref="Respond"/>
/// (null: no answer), records every frame the client sends, and sends events, requests and drops on cue.
/// </summary>
internal sealed class FakeRelayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonObject> _received = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private WebSocket? _socket;
    private int _connections;

    private FakeRelayServer(WebApplication app) => _app = app;

    /// <summary>The answer to a request's <c>method</c> and <c>params</c>: a result, an error (<c>{"error": ...}</c>), or null for none.</summary>
    public Func<string, JsonObject, JsonObject?> Respond { get; set; } = DefaultResponse;

    public Uri Address => new(_app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal));

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static JsonObject? DefaultResponse(string method, JsonObject parameters) => method switch
    {
        "signalwire.connect" => new JsonObject { ["protocol"] = "signalwire_proto_1", ["identity"] = "project@relay" },
        "signalwire.ping" or "signalwire.receive" or "signalwire.unreceive" => [],
        "messaging.send" => new JsonObject { ["code"] = "200", ["message"] = "Message accepted", ["message_id"] = "msg-1" },
        _ => new JsonObject { ["code"] = "200", ["message"] = "OK" },
    };

    public static async Task<FakeRelayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeRelayServer(app);
        app.UseWebSockets();
        app.Map("/", server.AcceptAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The client's requests with <paramref name="method"/>.</summary>
    public IReadOnlyList<JsonObject> Requests(string method) => [.. Received.Where(f => f["method"]?.GetValue<string>() == method)];

    /// <summary>Waits for the client's <paramref name="count"/>-th request with <paramref name="method"/> and returns its params.</summary>
    public async Task<JsonObject> WaitForAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Requests(method) is { } found && found.Count >= count)
            {
                return (JsonObject)found[count - 1]["params"]!;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"The client sent no {method} (#{count}).");
    }

    /// <summary>Sends a <c>signalwire.event</c> and returns its id.</summary>
    public Task<string> SendEventAsync(string eventType, JsonObject data) =>
        SendRequestAsync("signalwire.event", new JsonObject { ["event_type"] = eventType, ["timestamp"] = 1764460800.0, ["params"] = data });

    /// <summary>Sends a request to the client and returns its id.</summary>
    public async Task<string> SendRequestAsync(string method, JsonObject parameters)
    {
        var id = Guid.NewGuid().ToString();
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return id;
    }

    /// <summary>Answers request <paramref name="id"/> by hand.</summary>
    public Task ReplyAsync(string id, JsonObject result) => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });

    /// <summary>Whether the client acknowledged <paramref name="id"/>.</summary>
    public bool Acknowledged(string id) => Received.Any(f => f["id"]?.GetValue<string>() == id && f["result"] is not null);

    /// <summary>Cuts the socket without a close handshake.</summary>
    public void Drop() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sending.Dispose();
    }

    private async Task SendAsync(JsonObject frame)
    {
        var socket = _socket ?? throw new InvalidOperationException("No client is connected.");
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _socket = socket;
        Interlocked.Increment(ref _connections);
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var frame = JsonNode.Parse(buffer.AsSpan(0, received.Count))!.AsObject();
                lock (_received)
                {
                    _received.Add(frame);
                }

                if (frame["method"]?.GetValue<string>() is { } method && Respond(method, frame["params"] as JsonObject ?? []) is { } answer)
                {
                    var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = frame["id"]!.DeepClone() };
                    if (answer["error"] is JsonObject error)
                    {
                        reply["error"] = error.DeepClone();
                    }
                    else
                    {
                        reply["result"] = answer.DeepClone();
                    }

                    await SendAsync(reply);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away or the test dropped the socket.
        }
    }
}
