using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RelayIvrExample;

/// <summary>
/// A stand-in for the RELAY service on 127.0.0.1, for trying the example without an account: after the handshake it
/// rings in one call on the first context, answers each command, plays the menu, presses <see cref="Digit"/>, and
/// ends the call once the caller has been connected or handed to the assistant.
/// </summary>
public sealed class FakeRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SemaphoreSlim _sending = new(1, 1);

    private FakeRelay(WebApplication app, string digit) => (_app, Digit) = (app, digit);

    /// <summary>The key the fake caller presses.</summary>
    public string Digit { get; }

    /// <summary>The address to connect to.</summary>
    public Uri Address => new(_app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal));

    public static async Task<FakeRelay> StartAsync(string digit = "2")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRelay(app, digit);
        app.UseWebSockets();
        app.Map("/", fake.ServeAsync);
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sending.Dispose();
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        const string callId = "fake-call-1";
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
                if (frame["method"]?.GetValue<string>() is not { } method)
                {
                    continue;
                }

                var parameters = frame["params"] as JsonObject ?? [];
                var result = method switch
                {
                    "signalwire.connect" => new JsonObject { ["protocol"] = "signalwire_fake_protocol", ["identity"] = "fake" },
                    "signalwire.ping" => [],
                    _ => new JsonObject { ["code"] = "200", ["message"] = "OK" },
                };
                await SendAsync(socket, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = frame["id"]!.DeepClone(), ["result"] = result });
                var context0 = (parameters["contexts"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "default";
                await (method switch
                {
                    "signalwire.connect" => Event(socket, "calling.call.receive", new JsonObject
                    {
                        ["call_id"] = callId, ["node_id"] = "fake-node", ["call_state"] = "created", ["direction"] = "inbound", ["context"] = context0,
                        ["device"] = new JsonObject { ["type"] = "phone", ["params"] = new JsonObject { ["from_number"] = "+14155550123", ["to_number"] = "+14155550100" } },
                    }),
                    "calling.answer" => Event(socket, "calling.call.state", new JsonObject { ["call_id"] = callId, ["call_state"] = "answered" }),
                    "calling.play" => Event(socket, "calling.call.play", new JsonObject { ["call_id"] = callId, ["control_id"] = parameters["control_id"]!.DeepClone(), ["state"] = "finished" }),
                    "calling.play_and_collect" => Event(socket, "calling.call.collect", new JsonObject
                    {
                        ["call_id"] = callId, ["control_id"] = parameters["control_id"]!.DeepClone(),
                        ["result"] = new JsonObject { ["type"] = "digit", ["params"] = new JsonObject { ["digits"] = Digit, ["terminator"] = "" } },
                    }),
                    "calling.connect" => Task.WhenAll(
                        Event(socket, "calling.call.connect", new JsonObject { ["call_id"] = callId, ["connect_state"] = "connected", ["peer"] = new JsonObject { ["call_id"] = "fake-peer" } }),
                        Event(socket, "calling.call.state", new JsonObject { ["call_id"] = callId, ["call_state"] = "ended", ["end_reason"] = "hangup" })),
                    "calling.ai" => Event(socket, "calling.call.state", new JsonObject { ["call_id"] = callId, ["call_state"] = "ended", ["end_reason"] = "hangup" }),
                    "calling.end" => Event(socket, "calling.call.state", new JsonObject { ["call_id"] = callId, ["call_state"] = "ended", ["end_reason"] = "hangup" }),
                    _ => Task.CompletedTask,
                });
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    private Task Event(WebSocket socket, string type, JsonObject data) => SendAsync(socket, new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["method"] = "signalwire.event",
        ["params"] = new JsonObject { ["event_type"] = type, ["params"] = data },
    });

    private async Task SendAsync(WebSocket socket, JsonObject frame)
    {
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
}
