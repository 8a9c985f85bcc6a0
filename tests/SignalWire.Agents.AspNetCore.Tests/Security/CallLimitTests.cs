using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>New inbound calls per caller number: over the limit the call gets a document that hangs up busy.</summary>
public sealed class CallLimitTests : IAsyncLifetime
{
    private const string Busy = """{"version":"1.0.0","sections":{"main":[{"hangup":{"reason":"busy"}}]}}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = AgentTestServer.Options("desk");
        options.CallsPerCaller = 2;
        options.CallsPerCallerWindow = TimeSpan.FromMinutes(10);
        options.TimeProvider = _time;
        _server = await AgentTestServer.StartAsync(new TestAgent(options));
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> FetchAsync(string callId, string from = "+14155550123", string direction = "inbound")
    {
        var body = SwaigRequests.SwmlFetch(callId, from);
        body["call"]!["direction"] = direction;
        using var response = await _client.PostJsonAsync("/", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var text = await response.ReadTextAsync();
        SwmlSchema.AssertValid(text);
        return text;
    }

    [Fact]
    public async Task A_caller_over_the_limit_is_hung_up_busy_while_others_and_known_calls_carry_on()
    {
        Assert.Contains("\"ai\"", await FetchAsync("call-1"), StringComparison.Ordinal);
        Assert.Contains("\"ai\"", await FetchAsync("call-2"), StringComparison.Ordinal);
        Assert.Contains("\"ai\"", await FetchAsync("call-1"), StringComparison.Ordinal);

        Assert.Equal(Busy, await FetchAsync("call-3"));
        Assert.Contains("\"ai\"", await FetchAsync("call-4", from: "+14155550124"), StringComparison.Ordinal);
        Assert.Contains("\"ai\"", await FetchAsync("call-5", direction: "outbound"), StringComparison.Ordinal);

        var audit = Assert.Single(_server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Id.Id == 2026);
        Assert.Contains("call_limited agent=desk call_id=call-3 caller=+14155550123", audit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_resets_when_its_window_has_passed()
    {
        await FetchAsync("call-1");
        await FetchAsync("call-2");
        Assert.Equal(Busy, await FetchAsync("call-3"));

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Contains("\"ai\"", await FetchAsync("call-4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spellings_of_one_number_share_its_limit()
    {
        Assert.Contains("\"ai\"", await FetchAsync("call-1", from: "+14155550123"), StringComparison.Ordinal);
        Assert.Contains("\"ai\"", await FetchAsync("call-2", from: "1-415-555-0123"), StringComparison.Ordinal);

        Assert.Equal(Busy, await FetchAsync("call-3", from: "tel:+1 (415) 555-0123"));
        Assert.Equal(Busy, await FetchAsync("call-4", from: "sip:14155550123@pstn.example.com"));
    }

    [Fact]
    public async Task Calls_without_a_caller_number_and_bare_fetches_by_call_id_are_counted_under_one_key()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("desk").With(o =>
        {
            o.CallsWithoutCallerNumber = 2;
            o.TimeProvider = _time;
        })));
        using var client = server.CreateClient();
        async Task<string> PostAsync(string callId, string from)
        {
            using var response = await client.PostJsonAsync("/", SwaigRequests.SwmlFetch(callId, from));
            return await response.ReadTextAsync();
        }

        Assert.Contains("\"ai\"", await PostAsync("anon-1", ""), StringComparison.Ordinal);
        Assert.Contains("\"ai\"", await PostAsync("anon-2", "anonymous"), StringComparison.Ordinal);
        Assert.Equal(Busy, await PostAsync("anon-3", "Restricted"));
        // A GET naming a new call would mint its tokens: it is admitted like any fetch without a number.
        using var get = await client.GetAsync("/?call_id=minted-outside", TestContext.Current.CancellationToken);
        Assert.Equal(Busy, await get.ReadTextAsync());
        Assert.Contains("\"ai\"", await PostAsync("numbered", "+14155550123"), StringComparison.Ordinal);
    }
}
