using System.Text.Json.Nodes;
using SignalWire.Agents.Testing;

namespace SignalWire.Relay.Tests;

/// <summary>The session: handshake, refused credentials, server pings, time-outs, and resuming after the socket drops.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task The_handshake_carries_the_version_credentials_and_contexts()
    {
        await using var test = await RelayTest.StartAsync();

        await test.Client.ConnectAsync(TestContext.Current.CancellationToken);

        var connect = await test.Server.WaitForAsync("signalwire.connect");
        Assert.Equal($$"""{"version":{"major":2,"minor":0,"revision":0},"agent":"signalwire-dotnet-relay/1.0","event_acks":true,"authentication":{"project":"{{RelayTest.Project}}","token":"{{RelayTest.Token}}"},"contexts":["office"]}""", connect.ToWireJson());
        Assert.Equal(("signalwire_proto_1", true), (test.Client.Protocol, test.Client.IsConnected));
        Assert.DoesNotContain(RelayTest.Token, test.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_fail_the_connect_and_stop_the_run_after_three_tries()
    {
        await using var test = await RelayTest.StartAsync();
        test.Server.Respond = (method, p) => method == "signalwire.connect" ? new JsonObject { ["error"] = new JsonObject { ["code"] = -32000, ["message"] = "Unauthorized" } } : FakeRelayServer.DefaultResponse(method, p);

        var once = await Assert.ThrowsAsync<RelayException>(() => test.Client.ConnectAsync(TestContext.Current.CancellationToken));
        var run = await Assert.ThrowsAsync<RelayException>(() => test.Client.RunAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("-32000", "The server refused the request: Unauthorized"), (once.Code, once.Message));
        Assert.Equal("-32000", run.Code);
        Assert.Equal(4, test.Server.Connections);
        Assert.DoesNotContain(RelayTest.Token, test.LogText() + once + run, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_pings_are_answered()
    {
        await using var test = await RelayTest.StartAsync();
        await test.Client.ConnectAsync(TestContext.Current.CancellationToken);

        var ping = await test.Server.SendRequestAsync("signalwire.ping", []);

        await WaitUntil(() => test.Server.Acknowledged(ping));
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_and_the_socket_is_replaced()
    {
        await using var test = await RelayTest.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(400));
        test.Server.Respond = (method, p) => method == "signalwire.receive" ? null : FakeRelayServer.DefaultResponse(method, p);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = test.Client.RunAsync(stop.Token);
        await WaitUntil(() => test.Client.IsConnected);

        var error = await Assert.ThrowsAsync<RelayException>(() => test.Client.ReceiveAsync(["sales"], TestContext.Current.CancellationToken));

        Assert.Equal(("timeout", "signalwire.receive got no answer within 0.4 s."), (error.Code, error.Message));
        await WaitUntil(() => test.Server.Connections == 2 && test.Client.IsConnected);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_resumes_the_session_and_the_call_carries_on()
    {
        await using var test = await RelayTest.StartAsync();
        var answered = new TaskCompletionSource<Calling.RelayCall>();
        test.Client.OnCall("office", call =>
        {
            answered.SetResult(call);
            return Task.CompletedTask;
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = test.Client.RunAsync(stop.Token);
        await WaitUntil(() => test.Client.IsConnected);
        await test.Server.SendEventAsync("signalwire.authorization.state", new JsonObject { ["authorization_state"] = "auth-blob-1" });
        await test.Server.SendEventAsync("calling.call.receive", Calls.Inbound("call-9"));
        var call = await answered.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var play = await call.SayAsync("Please hold.", cancellationToken: TestContext.Current.CancellationToken);
        var controlId = (await test.Server.WaitForAsync("calling.play"))["control_id"]!.GetValue<string>();

        test.Server.Drop();
        await WaitUntil(() => test.Server.Connections == 2 && test.Client.IsConnected);
        await test.Server.SendEventAsync("calling.call.play", new JsonObject { ["call_id"] = "call-9", ["node_id"] = "node-1", ["control_id"] = controlId, ["state"] = "finished" });
        var finished = await play.WaitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var resume = await test.Server.WaitForAsync("signalwire.connect", 2);
        Assert.Equal(("signalwire_proto_1", "auth-blob-1"), (resume["protocol"]!.GetValue<string>(), resume["authorization_state"]!.GetValue<string>()));
        Assert.Equal("finished", finished.Get("state"));
        await stop.CancelAsync();
        await run;
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
