using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SignalWire.Relay.Tests;

/// <summary>AddSignalWireRelay: the client runs while the host runs and closes with it.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_hosted_client_connects_with_the_host_and_closes_on_shutdown()
    {
        await using var server = await FakeRelayServer.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSignalWireRelay(o =>
        {
            (o.ProjectId, o.ApiToken, o.Space) = ("p", "t", server.Address.ToString());
            o.Contexts.Add("office");
        }, (client, _) => client.OnCall("office", call => call.AnswerAsync()));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Services.GetRequiredService<RelayClient>();
        await ConnectionTests.WaitUntil(() => client.IsConnected);
        await server.SendEventAsync("calling.call.receive", Calls.Inbound("hosted-1"));
        var answer = await server.WaitForAsync("calling.answer");
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("hosted-1", answer["call_id"]!.GetValue<string>());
        Assert.Equal("""["office"]""", (await server.WaitForAsync("signalwire.connect"))["contexts"]!.ToJsonString());
        await ConnectionTests.WaitUntil(() => !client.IsConnected || server.Connections == 1);
        Assert.Equal(1, server.Connections);
    }
}
