using RelayIvrExample;
using SignalWire.Agents;

namespace SignalWire.Relay.Tests;

/// <summary>The RelayIvr example's menu, end to end against its built-in fake RELAY service.</summary>
public sealed class RelayIvrExampleTests
{
    [Theory]
    [InlineData("1", "Connected to sales (peer fake-peer)")]
    [InlineData("2", "Assistant started (control ")]
    [InlineData("9", "Hung up")]
    public async Task Each_choice_is_followed(string digit, string expected)
    {
        await using var fake = await FakeRelay.StartAsync(digit);
        var options = new RelayOptions { ProjectId = "p", ApiToken = "t", Space = fake.Address.ToString() };
        options.Contexts.Add("office");
        await using var client = new RelayClient(options);
        var lines = new List<string>();
        var done = new TaskCompletionSource();
        var settings = new IvrSettings("+14155550142", new AgentBase(new AgentOptions { Name = "assistant", Route = "/assistant", BasicAuthUser = "u", BasicAuthPassword = "assistant-password-0123456789", SwaigSecret = "secret-0123456789abcdef" }), new Uri("https://assistant.example.com"));
        client.OnCall("office", async call =>
        {
            await Ivr.HandleAsync(call, settings, line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }, TestContext.Current.CancellationToken);
            done.SetResult();
        });

        await client.ConnectAsync(TestContext.Current.CancellationToken);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal("Call fake-call-1 from +14155550123 on 'office'", lines[0]);
        Assert.Equal($"Caller chose: {digit}", lines[1]);
        Assert.StartsWith(expected, lines[2], StringComparison.Ordinal);
    }
}
