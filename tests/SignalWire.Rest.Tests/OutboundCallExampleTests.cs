using OutboundCallExample;
using SignalWire.Agents;
using SignalWire.Rest.Calling;

namespace SignalWire.Rest.Tests;

/// <summary>The OutboundCall example end to end on loopback: dial through the fake platform, which fetches the agent's SWML and posts the summary back.</summary>
public sealed class OutboundCallExampleTests
{
    [Fact]
    public async Task The_agent_is_dialled_its_document_fetched_for_the_call_and_its_summary_received()
    {
        var summary = new TaskCompletionSource<PostPromptSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = ReminderAgent.Create(s =>
        {
            summary.TrySetResult(s);
            return ValueTask.CompletedTask;
        }, AgentTestServer.Options("appointment-reminder", "/reminder"));
        await using var server = await AgentTestServer.StartAsync(agent);
        await using var fake = await FakeSignalWire.StartAsync();
        var client = SignalWireClient.Create(fake.Options);

        var call = await client.Calling.DialAsync(DialRequest.ToAgent("+14155550100", "+14155550142", agent, server.BaseAddress), TestContext.Current.CancellationToken);
        var result = await summary.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(("queued", call.Id), (call.Status, result.CallId));
        Assert.Equal("""{"confirmed":true,"preferred_day":null}""", result.Summary!.ToJsonString());
        Assert.True(ReminderAgent.Confirmed(result));
        Assert.Contains($"call_start agent=appointment-reminder call_id={call.Id}", server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_platform_refuses_wrong_credentials_like_the_real_one()
    {
        await using var fake = await FakeSignalWire.StartAsync();
        var options = fake.Options;
        options.ApiToken = "wrong";
        var client = SignalWireClient.Create(options);

        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => client.Calling.DialAsync(DialRequest.WithUrl("+14155550100", "+14155550142", new Uri("https://example.com/swml")), TestContext.Current.CancellationToken));

        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, "unauthorized"), (error.StatusCode, error.ErrorCode));
    }
}
