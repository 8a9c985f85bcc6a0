using System.Net.Sockets;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>Idle connections are bounded in number and in time.</summary>
/// <remarks>
/// Alone on the CPU: Kestrel closes idle connections from its once-a-second heartbeat, which a thread pool busy with
/// the parallel suites (the fuzz runs) can delay past the bound this checks.
/// </remarks>
[Collection(TimingSensitiveTests.Name)]
public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_without_being_served()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.MaxConnections = 3)));
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var open = new TcpClient();
                held.Add(open);
                await open.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, TestContext.Current.CancellationToken);

                // A response on the connection proves Kestrel has counted it (the count is taken before serving).
                await open.GetStream().WriteAsync(Health, TestContext.Current.CancellationToken);
                var read = await open.GetStream().ReadAsync(new byte[1024], TestContext.Current.CancellationToken);
                Assert.True(read > 0);
            }

            var beyond = await RawHttp.SendAsync(server.BaseAddress, Health, timeout: TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(0, beyond.Status);
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }

        // Kestrel frees the slots once it sees the held connections close; wait for that rather than guess how long it takes.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int status;
        while (true)
        {
            status = (await RawHttp.SendAsync(server.BaseAddress, Health, timeout: TimeSpan.FromSeconds(5), cancellationToken: TestContext.Current.CancellationToken)).Status;
            if (status == 200 || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(200, status);
    }

    private static byte[] Health => RawHttp.Bytes("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_keep_alive_timeout()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.KeepAliveTimeout = TimeSpan.FromSeconds(2))));
        using var idle = new TcpClient();
        await idle.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, TestContext.Current.CancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var read = await idle.GetStream().ReadAsync(new byte[16], TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(0, read);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
    }
}

/// <summary>Tests whose bounds are on time, run after the parallel suites rather than beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Timing-sensitive";
}
