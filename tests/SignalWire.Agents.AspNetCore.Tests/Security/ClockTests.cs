using System.Net;
using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>One clock, <see cref="AgentOptions.TimeProvider"/>, drives token expiry and rate-limit windows over real HTTP.</summary>
public sealed class ClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_token_expires_by_the_agents_clock()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.TimeProvider = _time)));
        using var client = server.CreateClient();
        var path = HttpTestExtensions.PathAndQuery((await client.FetchSwmlAsync("call-1")).FunctionUrl("secret_action"));

        _time.Advance(TimeSpan.FromMinutes(59));
        using var inTime = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));
        _time.Advance(TimeSpan.FromMinutes(1));
        using var late = await client.PostJsonAsync(path, SwaigRequests.Call("secret_action"));

        Assert.Equal("""{"response":"done"}""", await inTime.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Single(server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Id.Id == 2013);
    }

    [Fact]
    public async Task A_rate_limit_window_turns_by_the_agents_clock()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.TimeProvider = _time)));
        using var client = server.CreateClient();
        var book = SwaigRequests.Call("book", new() { ["guests"] = 2, ["name"] = "Ann" });
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostJsonAsync("/swaig", book);
            answers.Add(await response.ReadTextAsync());
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        using var nextWindow = await client.PostJsonAsync("/swaig", book);

        Assert.Equal(["""{"response":"booked"}""", """{"response":"booked"}""", """{"response":"You've made too many requests. Please wait a moment."}"""], answers);
        Assert.Equal("""{"response":"booked"}""", await nextWindow.ReadTextAsync());
    }
}
